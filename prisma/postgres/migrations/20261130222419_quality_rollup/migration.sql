-- CreateTable
CREATE TABLE "QualityDay" (
    "hallId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "phrases" TEXT NOT NULL,

    CONSTRAINT "QualityDay_pkey" PRIMARY KEY ("hallId","day")
);

-- CreateTable
CREATE TABLE "QualityItemDay" (
    "hallId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "share" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "QualityItemDay_pkey" PRIMARY KEY ("hallId","day","quizId","itemId")
);

-- CreateTable
CREATE TABLE "QualityPhraseDay" (
    "hallId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "phraseId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,

    CONSTRAINT "QualityPhraseDay_pkey" PRIMARY KEY ("hallId","day","phraseId","userId")
);

-- CreateIndex
CREATE INDEX "QualityDay_day_idx" ON "QualityDay"("day");


-- CreateTable
CREATE TABLE "CourseReadRollup" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "currentReadAt" TIMESTAMP(3),
    "lastReadAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CourseReadRollup_pkey" PRIMARY KEY ("userId","courseId")
);

-- CreateIndex
CREATE INDEX "CourseReadRollup_courseId_idx" ON "CourseReadRollup"("courseId");

-- AddForeignKey
ALTER TABLE "CourseReadRollup" ADD CONSTRAINT "CourseReadRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateTable
CREATE TABLE "CourseReadRollup" (
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "read" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "currentReadAt" DATETIME,
    "lastReadAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "courseId"),
    CONSTRAINT "CourseReadRollup_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CourseReadRollup_courseId_idx" ON "CourseReadRollup"("courseId");

// What a learner reads, by concern: the course cache (course-cache), which courses a learner may open
// (course-access), /learn and a course page (catalogue), a module page (module-page), where they left off
// (resume-point), "mark as read" (mark-read) and their records (learner-records). The routes import from here.
export { catalogueFor, loadCourseForLearner, type CatalogueEntry } from './catalogue.server'
export { currentCourses, forgetCachedCourses, type CourseRow } from './course-cache.server'
export { completionOf, passedQuizIds, readRecordOf, readsOfLearnersUnder } from './learner-records.server'
export { markModuleRead } from './mark-read.server'
export { loadModuleForLearner } from './module-page.server'

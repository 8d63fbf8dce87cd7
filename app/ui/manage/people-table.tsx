// The people of a unit: filter form (a plain GET form, so the filter lives in the address), sortable table, exports.
// On a phone each row is a card (app.css: the cells stack under their column's name, from data-label); the
// markup stays one table so a desk and a phone read the same rows.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Dated } from "~/ui/date-text";
import { localized } from "~/ui/localized";
import { TimeText } from "~/ui/time-text";
import { exportHref, type UnitRef } from "./links";

export interface PeopleRowView {
  username: string;
  name: string;
  hallCode: string;
  roles: readonly string[];
  newHire: boolean;
  assigned: number;
  complete: number;
  overdue: number;
  modulesRead: number;
  modulesTotal: number;
  quizzesPassed: number;
  lastActivity: string | null;
  courses: Array<{
    courseId: string;
    dueDay: string;
    complete: boolean;
    overdue: boolean;
  }>;
}

interface Props {
  unit: UnitRef;
  courses: Array<{ id: string; titleZh: string; titleEn: string }>;
  filter: Record<string, string>;
  problems: Array<{ param: string; value: string }> | null;
  rows: PeopleRowView[];
  total: number;
}

const SORTS = ["overdue", "name", "progress", "activity"] as const;

export function PeopleTable({
  unit,
  courses,
  filter,
  problems,
  rows,
  total,
}: Props) {
  const { t, i18n } = useTranslation();
  const courseTitle = (id: string) => {
    const course = courses.find((c) => c.id === id);
    return course ? localized(course, "title", i18n.language) : id;
  };
  return (
    <>
      <Form
        method="get"
        className="card filter-form"
        aria-label={t("manageBoard.filter")}
      >
        {unit.code ? (
          <input type="hidden" name="unit" value={unit.code} />
        ) : null}
        <div className="field">
          <label htmlFor="f-role">{t("manageBoard.role")}</label>
          <select id="f-role" name="role" defaultValue={filter.role ?? ""}>
            <option value="">{t("manageBoard.any")}</option>
            <option value="clerk">{t("roles.clerk")}</option>
            <option value="mentor">{t("roles.mentor")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-course">{t("manageBoard.course")}</label>
          <select
            id="f-course"
            name="course"
            defaultValue={filter.course ?? ""}
          >
            <option value="">{t("manageBoard.any")}</option>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {localized(c, "title", i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t("manageBoard.sort")}</label>
          <select
            id="f-sort"
            name="sort"
            defaultValue={filter.sort ?? "overdue"}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`manageBoard.sorts.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field checkbox">
          <label>
            <input
              type="checkbox"
              name="overdue"
              value="1"
              defaultChecked={filter.overdue === "1"}
            />{" "}
            {t("manageBoard.overdueOnly")}
          </label>
          <label>
            <input
              type="checkbox"
              name="newHires"
              value="1"
              defaultChecked={filter.newHires === "1"}
            />{" "}
            {t("manageBoard.newHiresOnly")}
          </label>
        </div>
        <button type="submit" className="button">
          {t("manageBoard.apply")}
        </button>
      </Form>
      {problems ? (
        <p className="notice form-error" role="alert">
          {problems
            .map((p) =>
              t("manageBoard.unknownFilter", { param: p.param, value: p.value })
            )
            .join(" ")}
        </p>
      ) : (
        <section className="card table-wrap">
          <p className="row">
            <span className="muted">
              {t("manageBoard.showing", { count: rows.length, total })}
            </span>
            <span>
              <a href={exportHref("people", "csv", unit, filter)} download>
                CSV
              </a>
              {" · "}
              <a href={exportHref("people", "xlsx", unit, filter)} download>
                Excel
              </a>
            </span>
          </p>
          {rows.length === 0 ? (
            <p>{t("manageBoard.noneMatch")}</p>
          ) : (
            <table className="people-table">
              <thead>
                <tr>
                  <th>{t("manage.name")}</th>
                  <th>{t("manageBoard.courses")}</th>
                  <th>{t("manageBoard.modules")}</th>
                  <th>{t("manageBoard.lastActivity")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((p) => (
                  <tr
                    key={p.username}
                    className={p.overdue ? "is-overdue" : undefined}
                  >
                    <td className="person-cell">
                      <Link to={`/people/${p.username}`}>{p.name}</Link>
                      <br />
                      <span className="muted">
                        {p.username} · {p.hallCode}
                      </span>
                      {p.newHire ? (
                        <span className="pill new">{t("learn.newHire")}</span>
                      ) : null}
                      {p.roles.includes("mentor") ? (
                        <span className="pill">{t("roles.mentor")}</span>
                      ) : null}
                    </td>
                    <td data-label={t("manageBoard.courses")}>
                      <div>
                        {p.assigned
                          ? t("manage.progress", {
                              complete: p.complete,
                              assigned: p.assigned,
                            })
                          : "—"}
                        {p.courses
                          .filter((c) => c.overdue)
                          .map((c) => (
                            <span key={c.courseId} className="pill overdue">
                              <Dated text={t("look.overdueCourse", { course: courseTitle(c.courseId), day: c.dueDay })} />
                            </span>
                          ))}
                      </div>
                    </td>
                    <td data-label={t("manageBoard.modules")}>
                      <div>
                        {p.modulesTotal
                          ? `${p.modulesRead}/${p.modulesTotal}`
                          : "—"}
                        <br />
                        <span className="muted">
                          {t("manageBoard.quizzesPassed", {
                            count: p.quizzesPassed,
                          })}
                        </span>
                      </div>
                    </td>
                    <td data-label={t("manageBoard.lastActivity")}>
                      <div>
                        {p.lastActivity ? (
                          <TimeText value={p.lastActivity} />
                        ) : (
                          <span className="pill overdue">
                            {t("manageBoard.neverStarted")}
                          </span>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </>
  );
}

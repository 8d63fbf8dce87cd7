// The demo organisation and its people, generated the same way every time (no randomness, no clock).
import type { Role } from '~/core/roles'

export interface DemoUnit {
  code: string
  kind: 'region' | 'branch' | 'hall'
  nameZh: string
  nameEn: string
  parent: string | null
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'R01', kind: 'region', nameZh: '枣庄市分公司', nameEn: 'Zaozhuang', parent: null },
  { code: 'R02', kind: 'region', nameZh: '济宁市分公司', nameEn: 'Jining', parent: null },
  { code: 'B01', kind: 'branch', nameZh: '滕州分公司', nameEn: 'Tengzhou branch', parent: 'R01' },
  { code: 'B02', kind: 'branch', nameZh: '薛城分公司', nameEn: 'Xuecheng branch', parent: 'R01' },
  { code: 'B03', kind: 'branch', nameZh: '任城分公司', nameEn: 'Rencheng branch', parent: 'R02' },
  { code: 'B04', kind: 'branch', nameZh: '曲阜分公司', nameEn: 'Qufu branch', parent: 'R02' },
  { code: 'H01', kind: 'hall', nameZh: '滕州龙泉路营业厅', nameEn: 'Longquan Road hall, Tengzhou', parent: 'B01' },
  { code: 'H02', kind: 'hall', nameZh: '滕州善国路营业厅', nameEn: 'Shanguo Road hall, Tengzhou', parent: 'B01' },
  { code: 'H03', kind: 'hall', nameZh: '薛城燕山路营业厅', nameEn: 'Yanshan Road hall, Xuecheng', parent: 'B02' },
  { code: 'H04', kind: 'hall', nameZh: '薛城临山路营业厅', nameEn: 'Linshan Road hall, Xuecheng', parent: 'B02' },
  { code: 'H05', kind: 'hall', nameZh: '任城太白楼营业厅', nameEn: 'Taibailou hall, Rencheng', parent: 'B03' },
  { code: 'H06', kind: 'hall', nameZh: '任城建设路营业厅', nameEn: 'Jianshe Road hall, Rencheng', parent: 'B03' },
  { code: 'H07', kind: 'hall', nameZh: '曲阜鼓楼营业厅', nameEn: 'Drum Tower hall, Qufu', parent: 'B04' },
  { code: 'H08', kind: 'hall', nameZh: '曲阜静轩路营业厅', nameEn: 'Jingxuan Road hall, Qufu', parent: 'B04' },
]

export interface DemoPerson {
  username: string
  name: string
  hall: string | null
  /** Days before the seeding day; null for staff whose hire date does not matter here. */
  hiredDaysAgo: number | null
  roles: Array<{ role: Role; unit?: string }>
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎'
const GIVEN = ['静', '敏', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '红', '晓燕', '建华', '玉兰', '志强', '海燕', '文', '婷', '欣', '雪', '佳怡']

/** The n-th demo name (1-based): a stable surname + given name pair. */
export function demoName(n: number): string {
  return SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 11) % GIVEN.length]
}

const HALLS = DEMO_UNITS.filter((u) => u.kind === 'hall').map((u) => u.code)
const pad = (n: number) => String(n).padStart(2, '0')

export const CLERK_COUNT = 60
export const NEW_HIRE_EVERY = 6 // clerk06, clerk12, … are new hires: 10 of 60

export function demoPeople(): DemoPerson[] {
  const people: DemoPerson[] = []
  for (let i = 1; i <= CLERK_COUNT; i++) {
    const isNew = i % NEW_HIRE_EVERY === 0
    people.push({
      username: `clerk${pad(i)}`,
      name: demoName(i),
      hall: HALLS[(i - 1) % HALLS.length],
      hiredDaysAgo: isNew ? 5 + i : 400 + i * 37,
      roles: [{ role: 'clerk' }],
    })
  }
  for (let i = 1; i <= 6; i++) {
    people.push({
      username: `mentor${pad(i)}`,
      name: demoName(100 + i),
      hall: HALLS[(i - 1) % HALLS.length],
      hiredDaysAgo: 1500 + i * 90,
      roles: [{ role: 'clerk' }, { role: 'mentor' }],
    })
  }
  for (let i = 1; i <= 2; i++) {
    people.push({ username: `trainer${pad(i)}`, name: demoName(200 + i), hall: null, hiredDaysAgo: null, roles: [{ role: 'trainer' }] })
  }
  for (const unit of DEMO_UNITS) {
    const n = Number(unit.code.slice(1))
    people.push({
      username: `${unit.kind}${pad(n)}mgr`,
      name: demoName(300 + DEMO_UNITS.indexOf(unit)),
      hall: unit.kind === 'hall' ? unit.code : null,
      hiredDaysAgo: null,
      roles: [{ role: 'manager', unit: unit.code }],
    })
  }
  people.push({ username: 'admin', name: '系统管理员', hall: null, hiredDaysAgo: null, roles: [{ role: 'admin' }] })
  return people
}

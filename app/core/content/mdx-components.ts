// The MDX components a module may use, with the attributes each requires. The browser side maps the same
// names to React components (app/ui/mdx); the checker rejects any other capitalised tag.
export interface ComponentRule {
  required: readonly string[]
  optional: readonly string[]
}

export const MDX_COMPONENTS: Record<string, ComponentRule> = {
  Script: { required: ['good'], optional: ['bad'] },
  Case: { required: ['title'], optional: ['source'] },
  Steps: { required: [], optional: [] },
  Checklist: { required: [], optional: [] },
  Tip: { required: [], optional: ['title'] },
  Warn: { required: [], optional: ['title'] },
  QuizLink: { required: ['id'], optional: [] },
  // one star level's requirements in the module's words; content:check compares them with stars.yaml
  StarLevel: { required: ['level'], optional: [] },
}

export function isKnownComponent(name: string): boolean {
  return Object.hasOwn(MDX_COMPONENTS, name)
}

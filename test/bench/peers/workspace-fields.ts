/** The peers read the same GET /v1/fields the app reads, raw, with no Lark Admin code between. */
export interface WorkspaceField {
  label: string;
  merge_tag: string;
  type: string;
  definition?: string | null;
  required?: boolean;
  order: number;
}

export async function loadFields(): Promise<WorkspaceField[]> {
  const answer = await fetch('/v1/fields');
  const { data: fields } = (await answer.json()) as { data: WorkspaceField[] };
  return fields.toSorted((a, b) => a.order - b.order);
}

export const optionsOf = (field: WorkspaceField) => (field.definition ?? '').split(',').map((option) => option.trim());

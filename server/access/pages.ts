/**
 * The few pages the server writes itself, around sign-in: plain HTML that needs no script, so
 * they work before (and without) the SPA. Every text is escaped.
 */
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export interface PageLink {
  href: string;
  text: string;
}

export function accessPage(title: string, paragraphs: readonly string[], links: readonly PageLink[] = []): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · Lark Admin</title></head>
<body>
<main>
<h1>${escape(title)}</h1>
${paragraphs.map((paragraph) => `<p>${escape(paragraph)}</p>`).join('\n')}
${links.map((link) => `<p><a href="${escape(link.href)}">${escape(link.text)}</a></p>`).join('\n')}
</main>
</body>
</html>
`;
}

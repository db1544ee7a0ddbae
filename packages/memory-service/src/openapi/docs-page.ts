/**
 * `/docs`: the API as one self-contained HTML page rendered from the OpenAPI document. It loads nothing from
 * the network (the service may run where there is none) and runs no script.
 */
export function renderDocsPage(document: Record<string, unknown>): string {
  const info = document['info'] as { title: string; version: string; description: string };
  const paths = document['paths'] as Record<string, Record<string, Operation>>;
  const sections = Object.entries(paths)
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => renderOperation(method, path, operation)),
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(info.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
h2 { font-size: 1rem; margin: 1.5rem 0 0.25rem; font-family: ui-monospace, monospace; }
.method { display: inline-block; min-width: 4.5rem; font-weight: bold; }
.access { font: 12px system-ui; color: #555; border: 1px solid #ccc; border-radius: 3px; padding: 0 4px; margin-left: 0.5rem; }
pre { background: #f5f5f5; padding: 0.5rem; overflow-x: auto; font-size: 12px; }
</style>
</head>
<body>
<h1>${escapeHtml(info.title)} <small>${escapeHtml(info.version)}</small></h1>
<p>${escapeHtml(info.description)} The machine-readable document is at <a href="/openapi.json">/openapi.json</a>.</p>
<p>Authenticate with <code>Authorization: Bearer &lt;key&gt;</code>; the key selects the namespace.</p>
${sections}
</body>
</html>
`;
}

interface Operation {
  summary?: string;
  description?: string;
  'x-access'?: string;
  parameters?: Array<{ name: string; in: string; required: boolean }>;
  requestBody?: unknown;
  responses?: Record<string, { description: string }>;
}

function renderOperation(method: string, path: string, operation: Operation): string {
  const parameters = (operation.parameters ?? [])
    .map((parameter) => `${parameter.name} (${parameter.in}${parameter.required ? ', required' : ''})`)
    .join(', ');
  const statuses = Object.entries(operation.responses ?? {})
    .map(([status, response]) => `${status} ${response.description}`)
    .join('\n');
  return `<section>
<h2><span class="method">${escapeHtml(method.toUpperCase())}</span>${escapeHtml(path)}<span class="access">${escapeHtml(operation['x-access'] ?? '')}</span></h2>
<p>${escapeHtml(operation.summary ?? '')}${operation.description ? ` ${escapeHtml(operation.description)}` : ''}</p>
${parameters ? `<p>Parameters: ${escapeHtml(parameters)}</p>` : ''}
<details><summary>Responses</summary><pre>${escapeHtml(statuses)}</pre></details>
</section>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

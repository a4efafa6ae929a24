import type { OutboxEntry } from './outbox.js';

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => escapes[char]!);

/** GET /_dev/outbox: one self-contained page, no scripts, nothing loaded from elsewhere. */
export function renderOutboxPage(entries: OutboxEntry[]): string {
  const rows = entries.map(
    (entry) => `<tr>
<td>${escapeHtml(entry.createdAt)}</td>
<td>${escapeHtml(entry.channel)}</td>
<td>${escapeHtml(entry.to)}</td>
<td class="code">${escapeHtml(entry.code ?? '')}</td>
<td>${entry.subject === null ? '' : `<strong>${escapeHtml(entry.subject)}</strong>`}<pre>${escapeHtml(entry.body)}</pre></td>
<td>${escapeHtml(entry.poolId ?? '')}</td>
</tr>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Cognate outbox</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: .4rem .6rem; text-align: left; vertical-align: top; }
pre { margin: .2rem 0 0; white-space: pre-wrap; font-family: inherit; }
.code { font-family: ui-monospace, monospace; font-size: 1.2em; }
</style>
</head>
<body>
<h1>Outbox</h1>
<p>Messages Cognate would have sent, newest first. This page exists only in development.</p>
${
  entries.length === 0
    ? '<p>No messages yet.</p>'
    : `<table>
<thead><tr><th>Time</th><th>Channel</th><th>To</th><th>Code</th><th>Message</th><th>Pool</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`
}
</body>
</html>
`;
}

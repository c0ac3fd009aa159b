import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** WCAG 2.2 level A and AA rules (axe-core tags). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let axeSource: string | undefined;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.2 AA tags) in the page as it is now and fails with a readable list of what is
 * wrong and where. Wait for the page to settle (data loaded, animations done) before calling.
 */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, not a <script> tag: the app's Content-Security-Policy (no
  // inline scripts) stays on while axe runs.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (...args: unknown[]) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, WCAG_TAGS);
  if (violations.length === 0) return;
  const report = (violations as AxeViolation[])
    .map(
      (v) =>
        `- ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) =>
              `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n')[1]?.trim()}` : ''}`,
          )
          .join('\n'),
    )
    .join('\n');
  throw new Error(`axe found ${violations.length} WCAG 2.2 AA violation(s) on ${what}:\n${report}`);
}

import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** One axe-core rule broken on a page, with the elements that break it (CSS selectors). */
export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
  /** axe's reason for the first element (for contrast: the colours and the ratio). */
  why: string;
}

/**
 * Runs axe-core (WCAG 2.x A and AA, and axe's best practices) on what the page shows now. The
 * script is injected as a tag, so the page's context must bypass its Content-Security-Policy
 * (`script-src 'self'`): open it with `bypassCSP: true`.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
      why: `${v.nodes[0]?.html.slice(0, 120) ?? ''} ${v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? ''}`.trim(),
    }));
  });
}

/** The serious and critical ones, which the suite refuses. */
export const blocking = (vs: Violation[]) => vs.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** "rule (impact, n): target; target..." lines, what a failing assertion should print. */
export const describeViolations = (vs: Violation[]) =>
  vs.map((v) => `${v.id} (${v.impact}, ${v.targets.length}): ${v.help} — ${v.targets.slice(0, 8).join(' | ')}\n    first: ${v.why}`).join('\n');

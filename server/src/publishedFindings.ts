import type { ReportedFinding } from '@pyreview/shared-rules';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { keepJson } from './diagnosticJson';

/** A finding as published: the document it is shown in, its diagnostic, and the finding its quick fixes are made from. */
export interface PublishedFinding {
  readonly uri: string;
  readonly diagnostic: Diagnostic;
  readonly finding: ReportedFinding;
}

/**
 * The diagnostics last made of a document's findings, and the version of
 * the text they were made for. An edit moves the offsets of every finding
 * after it but leaves most of them where they are on screen: a diagnostic
 * equal to the one made before is that same object, whose JSON is made once
 * (see diagnosticJson.ts), and whose report a pull client is told is unchanged.
 * Quick fixes are made from the findings of the current version only.
 */
export class PublishedFindings {
  private version: number | undefined;
  private items: PublishedFinding[] = [];

  /**
   * The findings of the text at `version`, as diagnostics; those equal to
   * the last ones are reused. Findings come in the order of the text, so
   * each is first checked with `stillShows` against the earlier item after
   * the last one reused, and converted only when that one is not its own.
   */
  update(
    version: number,
    findings: readonly ReportedFinding[],
    convert: (finding: ReportedFinding) => PublishedFinding,
    stillShows: (earlier: PublishedFinding, finding: ReportedFinding) => boolean = () => false,
  ): PublishedFinding[] {
    const earlier = this.items;
    // Made when a finding is not the next earlier one's: most keystrokes leave every finding where it was.
    let earlierOnLine: Map<number, number> | undefined;
    this.items = [];
    let next = 0;
    for (const finding of findings) {
      let item: PublishedFinding;
      if (next < earlier.length && stillShows(earlier[next], finding)) {
        item = { uri: earlier[next].uri, diagnostic: earlier[next].diagnostic, finding };
        next++;
      } else {
        item = convert(finding);
        earlierOnLine ??= firstItemOnEachLine(earlier);
        const before = sameAmong(earlier, earlierOnLine.get(item.diagnostic.range.start.line), item);
        if (before === undefined) keepJson(item.diagnostic);
        else {
          item = { uri: item.uri, diagnostic: earlier[before].diagnostic, finding };
          next = before + 1;
        }
      }
      this.items.push(item);
    }
    this.version = version;
    return this.items;
  }

  /**
   * The finding a client's diagnostic of `uri` stands for (same code,
   * message and range) among those made for the text at `version`; none for
   * a diagnostic of another text, whose edits would land in the wrong place.
   */
  findingOf(version: number, uri: string, diagnostic: Diagnostic): ReportedFinding | undefined {
    if (version !== this.version) return undefined;
    return this.items.find((item) => item.uri === uri && sameDiagnostic(item.diagnostic, diagnostic))?.finding;
  }
}

const byDocument = new WeakMap<object, PublishedFindings>();

/** The published findings of a document (an open file, or a notebook's module). */
export function publishedFindings(document: object): PublishedFindings {
  let published = byDocument.get(document);
  if (!published) byDocument.set(document, (published = new PublishedFindings()));
  return published;
}

/** The index of the first of `items` starting on each line (of the first document showing one there). */
function firstItemOnEachLine(items: readonly PublishedFinding[]): Map<number, number> {
  const first = new Map<number, number>();
  for (let i = 0; i < items.length; i++) {
    const line = items[i].diagnostic.range.start.line;
    if (!first.has(line)) first.set(line, i);
  }
  return first;
}

/** The index of the item among `items` from index `from` on, starting on the same line, whose diagnostic is the same as the item's. */
function sameAmong(items: readonly PublishedFinding[], from: number | undefined, item: PublishedFinding): number | undefined {
  const line = item.diagnostic.range.start.line;
  for (let i = from ?? items.length; i < items.length && items[i].diagnostic.range.start.line === line; i++) {
    if (items[i].uri === item.uri && sameShown(items[i].diagnostic, item.diagnostic)) return i;
  }
  return undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Whether a client's diagnostic is this one as published (clients may send it back without other fields, notebook cells' among them). */
export function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.code === b.code && a.message === b.message && sameRange(a.range, b.range);
}

/** Whether two diagnostics made by `toDiagnostic` (diagnostics.ts) are the same in every field it sets: their JSON texts mean the same. */
function sameShown(a: Diagnostic, b: Diagnostic): boolean {
  return sameDiagnostic(a, b) && a.severity === b.severity && a.source === b.source && a.codeDescription?.href === b.codeDescription?.href
    && sameJson(a.tags, b.tags) && sameJson(a.relatedInformation, b.relatedInformation);
}

/** Whether two JSON values (made of plain objects and arrays) are equal: their JSON texts mean the same. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  let keys = 0;
  for (const key in a) {
    keys++;
    if (!sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  for (const _ in b) keys--;
  return keys === 0;
}

import type { PythonParser } from '@pyreview/shared-rules';

/** The parser, counting its parses and those limited to a range (the statement parses). */
export function countingParser(parser: PythonParser): { parser: PythonParser; parses: () => number; statementParses: () => number } {
  let all = 0;
  let statements = 0;
  const counting = Object.create(parser) as PythonParser;
  counting.parse = (text, old, range) => {
    all++;
    if (range) statements++;
    return parser.parse(text, old, range);
  };
  return { parser: counting, parses: () => all, statementParses: () => statements };
}

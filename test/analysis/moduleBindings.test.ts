/**
 * The module's bindings, updated as statements come and go, must settle
 * every condition as bindings made afresh from the statements left do.
 */
import * as assert from 'assert';
import * as fc from 'fast-check';
import { ModuleBindings } from '@pyreview/shared-rules/out/analysis/moduleBindings';

describe('module bindings', () => {
  const NAMES = ['os', 'path', 'pickle', 'loads'];
  const TARGETS = [null, 'os', 'os.path', 'pickle', 'pickle.loads', 'json.loads'];
  const statementArbitrary = fc.array(fc.record({ name: fc.constantFrom(...NAMES), target: fc.constantFrom(...TARGETS) }), { maxLength: 3 });
  const stepArbitrary = fc.record({ add: fc.array(statementArbitrary, { maxLength: 4 }), remove: fc.array(fc.nat(), { maxLength: 3 }) });
  const conditions = NAMES.flatMap((name) => TARGETS.filter((target) => target !== null).flatMap((target) => [
    { name, member: '', targets: [target!, `builtins.${name}`] },
    { name, member: '', targets: [target!], unless: true },
    { name, member: 'loads', targets: [`${target}.loads`] },
  ]));

  it('settle each condition as bindings made afresh from the statements left do, after statements come and go', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 10 }), (steps) => {
        const bindings = new ModuleBindings();
        const statements: { name: string; target: string | null }[][] = [];
        let verdicts = conditions.map((condition) => ({ condition, generation: bindings.generation, verdict: bindings.holds(condition) }));
        for (const step of steps) {
          for (const index of step.remove) {
            if (!statements.length) break;
            bindings.remove(statements.splice(index % statements.length, 1)[0]);
          }
          for (const statement of step.add) {
            bindings.add(statement);
            statements.push(statement);
          }
          bindings.settle();
          const fresh = new ModuleBindings();
          for (const statement of statements) fresh.add(statement);
          fresh.settle();
          for (const { condition, generation, verdict } of verdicts) {
            const now = bindings.holds(condition);
            assert.strictEqual(now, fresh.holds(condition));
            // A verdict kept since a generation (what placed findings rely on) must still hold.
            if (bindings.unchangedSince([condition.name], generation)) assert.strictEqual(now, verdict);
          }
          verdicts = conditions.map((condition) => ({ condition, generation: bindings.generation, verdict: bindings.holds(condition) }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keep their verdicts when statements go and come back, as the chunks of a keystroke do', () => {
    const bindings = new ModuleBindings();
    const statements = [[{ name: 'pickle', target: 'pickle' }], [{ name: 'x', target: null }, { name: 'pickle', target: 'pickle' }]];
    for (const statement of statements) bindings.add(statement);
    bindings.settle();
    const { generation } = bindings;
    for (const statement of statements) bindings.remove(statement);
    for (const statement of statements.reverse()) bindings.add(statement);
    bindings.settle();
    assert.strictEqual(bindings.generation, generation);
    bindings.remove(statements[0]);
    bindings.settle();
    assert.ok(bindings.generation > generation && !bindings.unchangedSince(['x'], generation) && bindings.unchangedSince(['pickle'], generation));
  });
});

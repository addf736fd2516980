import * as assert from 'assert';
import { TempProject } from './cliHarness';
import { poisonResults, readResults } from './resultsFile';

const PROJECTS = [
  'from sqlalchemy import Column, Integer',
  'from sqlalchemy.orm import declarative_base',
  'Base = declarative_base()',
  '',
  'class Project(Base):',
  '    __tablename__ = "projects"',
  '    id = Column(Integer, primary_key=True)',
  '',
].join('\n');

const TASKS = [
  'from sqlalchemy import Column, Integer',
  'from models.base import Base',
  '',
  'class Task(Base):',
  '    __tablename__ = "tasks"',
  '    id = Column(Integer, primary_key=True)',
  '    project_id = Column(Integer, nullable=False)',
  '',
].join('\n');

describe('pyreview check: rules that look across files', () => {
  let project: TempProject;
  beforeEach(() => {
    project = new TempProject({ 'models/base.py': PROJECTS, 'models/tasks.py': TASKS });
  });
  afterEach(() => project.cleanup());

  function findings(...extra: string[]): string[] {
    const run = project.run('check', '--select', 'SQA001', '--format', 'json', ...extra);
    return (JSON.parse(run.stdout) as Array<{ filename: string; code: string; location: { row: number } }>).map(
      (item) => `${item.filename.slice(project.root.length + 1)}:${item.location.row}:${item.code}`,
    );
  }

  it('sees tables defined in the other checked files, with 1 or 2 threads', () => {
    assert.deepStrictEqual(findings('--jobs', '1'), ['models/tasks.py:7:SQA001']);
    assert.deepStrictEqual(findings('--jobs', '2', '--no-cache'), ['models/tasks.py:7:SQA001']);
  });

  it("keeps the cached findings of files whose rules never read the other files' definitions", () => {
    project.write('util.py', 'try:\n    pass\nexcept:\n    pass\n');
    const codes = (): string[] =>
      (JSON.parse(project.run('check', '--select', 'SQA001,E722', '--format', 'json').stdout) as Array<{ code: string; message: string }>).map(
        (item) => `${item.code} ${item.message.slice(0, 10)}`,
      );
    assert.deepStrictEqual(codes(), ['SQA001 Column `pr', 'E722 Do not use']);
    poisonResults(project);
    // A new table changes what tasks.py's rule asked about; util.py asked nothing.
    project.write('models/base.py', `${PROJECTS}\nclass Team(Base):\n    __tablename__ = "teams"\n    id = Column(Integer, primary_key=True)\n`);
    assert.deepStrictEqual(codes(), ['SQA001 Column `pr', 'E722 FROM CACHE']);
  });

  it("keeps the cached findings of a file that read the index while the index's answers stay the same", () => {
    const messages = (): string[] =>
      (JSON.parse(project.run('check', '--select', 'SQA001', '--format', 'json').stdout) as Array<{ message: string }>).map((item) => item.message.slice(0, 10));
    assert.deepStrictEqual(messages(), ['Column `pr']);
    poisonResults(project);
    // A new module with no tables: tasks.py asked about tables, and the answer is the same.
    project.write('models/util.py', 'def helper():\n    return 1\n');
    assert.deepStrictEqual(messages(), ['FROM CACHE']);
    // A new table is another answer: tasks.py is checked again.
    project.write('models/util.py', 'from models.base import Base\nfrom sqlalchemy import Column, Integer\n\nclass Usage(Base):\n    __tablename__ = "usages"\n    id = Column(Integer, primary_key=True)\n');
    assert.deepStrictEqual(messages(), ['Column `pr']);
  });

  it('trusts the cached findings of a file that read the index for the index they were last confirmed with, and asks again for another', () => {
    const messages = (): string[] =>
      (JSON.parse(project.run('check', '--select', 'SQA001', '--format', 'json').stdout) as Array<{ message: string }>).map((item) => item.message.slice(0, 10));
    assert.deepStrictEqual(messages(), ['Column `pr']);
    const tasks = () => readResults(project).entries[project.path('models/tasks.py')];
    const confirmedFor = tasks().workspace;
    assert.ok(confirmedFor);
    // Answers no index gives: only the recorded workspace vouches for the findings now.
    poisonResults(project, (results) => {
      for (const query of results.entries[project.path('models/tasks.py')].workspaceQueries!) query.answer = 'never';
    });
    assert.deepStrictEqual(messages(), ['FROM CACHE']);
    // Another workspace: the recorded answers are compared, and these do not hold.
    project.write('models/util.py', 'def helper():\n    return 1\n');
    assert.deepStrictEqual(messages(), ['Column `pr']);
    assert.ok(tasks().workspace && tasks().workspace !== confirmedFor);
  });

  it('after --fix, cached runs still see the tables of the fixed files', () => {
    project.write('models/base.py', `${PROJECTS}\nclass Box(Base):\n    __tablename__ = "boxes"\n    id = Column(Integer, primary_key=True)\n    project_id = Column(Integer)\n`);
    project.write('models/tasks.py', 'from sqlalchemy import Column, Integer\nfrom sqlalchemy.orm import relationship\nfrom models.base import Base\n\nclass Usage(Base):\n    __tablename__ = "usages"\n    id = Column(Integer, primary_key=True)\n    project = relationship("Project")\n');
    const sqa = (...extra: string[]): string[] => {
      const run = project.run('check', '--select', 'SQA', '--format', 'json', ...extra);
      return (JSON.parse(run.stdout) as Array<{ filename: string; code: string; location: { row: number } }>).map(
        (item) => `${item.filename.slice(project.root.length + 1)}:${item.location.row}:${item.code}`,
      );
    };
    assert.deepStrictEqual(sqa(), ['models/base.py:12:SQA001', 'models/tasks.py:8:SQA002']);
    project.run('check', '--select', 'SQA', '--fix', '--unsafe-fixes');
    assert.match(project.read('models/base.py'), /project_id = Column\(Integer, ForeignKey\("projects\.id"\)\)|project_id = Column\(Integer, ForeignKey\('projects\.id'\)\)/);
    assert.deepStrictEqual(sqa(), ['models/tasks.py:8:SQA002']);
    assert.deepStrictEqual(sqa('--no-cache'), ['models/tasks.py:8:SQA002']);
  });

  it("re-checks an unchanged file when another file's definitions change", () => {
    assert.deepStrictEqual(findings(), ['models/tasks.py:7:SQA001']);
    project.write('models/base.py', PROJECTS.replace('class Project', 'class Program').replace('"projects"', '"programs"'));
    assert.deepStrictEqual(findings(), []);
    project.write('models/base.py', PROJECTS);
    assert.deepStrictEqual(findings(), ['models/tasks.py:7:SQA001']);
  });

  it('--fix keeps an unused import that another checked file imports from the module, in a cold and a cached run', () => {
    project.write('app/__init__.py', '');
    project.write('app/compat.py', 'from json import JSONDecodeError\nimport os\n');
    project.write('app/client.py', 'from .compat import JSONDecodeError\n\nprint(JSONDecodeError)\n');
    const applicability = (): string[] =>
      (JSON.parse(project.run('check', '--select', 'F401', '--format', 'json').stdout) as Array<{ filename: string; fix: { applicability: string } }>)
        .map((item) => `${item.filename.slice(project.root.length + 1)}:${item.fix.applicability}`);
    assert.deepStrictEqual(applicability(), ['app/compat.py:unsafe', 'app/compat.py:safe']);
    project.run('check', '--select', 'F401', '--fix', '--no-cache');
    assert.strictEqual(project.read('app/compat.py'), 'from json import JSONDecodeError\n');
    // Once nothing imports it, the same fix is safe: the cached result of compat.py must not survive that.
    project.write('app/client.py', 'print(1)\n');
    assert.deepStrictEqual(applicability(), ['app/compat.py:safe']);
    project.run('check', '--select', 'F401', '--fix');
    assert.strictEqual(project.read('app/compat.py'), '');
  });
});

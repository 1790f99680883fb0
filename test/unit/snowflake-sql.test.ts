import { describe, expect, it } from 'vitest';
import { classifySnowflakeError } from '../../src/warehouse/snowflake/snowflake-errors.ts';
import { csvField } from '../../src/warehouse/snowflake/snowflake-loader.ts';
import { positionalParams } from '../../src/warehouse/snowflake/snowflake-warehouse.ts';
import { decodeName, encodeName, translate } from '../emulators/snowflake/sql-translate.ts';

describe('Snowflake adapter pieces', () => {
  it('turns $n parameters into :n outside quotes', () => {
    expect(positionalParams(`select "a$1", 'b $2 ''$3''' from t where x = $1 and y = $12`)).toBe(
      `select "a$1", 'b $2 ''$3''' from t where x = :1 and y = :12`,
    );
  });

  it('writes CSV fields that keep null, empty and quoted strings apart', () => {
    expect([null, '', 'a"b', '\\N', 'x,y\nz'].map(csvField)).toEqual([
      '',
      '""',
      '"a""b"',
      '"\\N"',
      '"x,y\nz"',
    ]);
  });

  it('classifies errors once by code: auth, transient, terminal with a fix', () => {
    expect(classifySnowflakeError({ code: '390112', message: 'expired' }).kind).toBe('auth');
    expect(classifySnowflakeError({ code: '000625', sqlState: '57014', message: 'lock' }).kind).toBe(
      'transient',
    );
    expect(classifySnowflakeError({ code: 401001, message: 'network' }).kind).toBe('transient');
    const dup = classifySnowflakeError(
      { code: '100090', sqlState: '42P18', message: 'Duplicate row' },
      'MERGE INTO x',
    );
    expect(dup.kind).toBe('terminal');
    expect(dup.codes).toEqual(['100090']);
    expect(dup.message).toContain('[MERGE INTO x]');
    expect(dup.fix).toMatch(/deduplicates/);
  });
});

describe('Snowflake emulator translation', () => {
  it('encodes names so case-distinct Snowflake names stay distinct in DuckDB', () => {
    expect(encodeName('GL_DETAIL')).toBe('^g^l_^d^e^t^a^i^l');
    expect(encodeName('gl_detail')).toBe('gl_detail');
    for (const name of ['GL_DETAIL', 'gl_Detail', 'a^b', 'Weird "Name"'])
      expect(decodeName(encodeName(name))).toBe(name);
  });

  it('folds unquoted names, keeps quoted ones, maps types, numbers binds', () => {
    const plan = translate('select a, "b" from s.T where CAST(c AS NUMBER(38,9)) > ? and d = :1');
    expect(plan).toEqual({
      kind: 'select',
      sql: {
        sql: 'SELECT "^a" , "b" FROM "^s"."^t" WHERE CAST ( "^c" AS DECIMAL(38,9) ) > $1 AND "^d" = $2',
        params: [0, 0],
      },
    });
  });

  it('refuses what it does not translate, with Snowflake-style codes', () => {
    expect(() => translate('show tables')).toThrow(/Unsupported feature 'SHOW TABLES'/);
    expect(() => translate('select median(x) from t')).toThrow(/Unknown function MEDIAN/);
    expect(() => translate('COPY INTO t FROM @~/p/ FILE_FORMAT = (TYPE = PARQUET)')).toThrow(
      /file format type PARQUET/,
    );
    expect(() =>
      translate('merge into t using s on t.k = s.k when not matched by source then delete'),
    ).toThrow(/BY SOURCE/);
  });

  it('strips constraints Snowflake does not enforce, keeps NOT NULL', () => {
    const plan = translate(
      'create table "x" ("a" varchar not null primary key, "b" integer, constraint "pk" primary key ("a", "b"))',
    );
    expect(plan.kind === 'ddl' && plan.sql.sql).toBe(
      'CREATE TABLE "x" ( "a" VARCHAR NOT NULL , "b" HUGEINT )',
    );
  });
});

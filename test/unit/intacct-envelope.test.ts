import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import {
  compileRequest,
  create,
  getAPISession,
  query,
  readByQuery,
  readMore,
} from '../../src/intacct/envelope.ts';
import { f, toFilterXml } from '../../src/intacct/filter.ts';
import { el } from '../../src/intacct/xml.ts';

const control = { senderId: 'S&1', senderPassword: 'p<w>"', controlId: 'c1', uniqueId: false };

describe('envelope', () => {
  it('compiles a session request with every value escaped', () => {
    const xml = compileRequest({
      control,
      auth: { login: { userId: 'u', companyId: 'ACME & Co', password: "p'<]]>", locationId: 'US1' } },
      functions: [getAPISession('g1', null)],
    });
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><request><control><senderid>S&amp;1</senderid><password>p&lt;w&gt;&quot;</password>' +
        '<controlid>c1</controlid><uniqueid>false</uniqueid><dtdversion>3.0</dtdversion><includewhitespace>false</includewhitespace></control>' +
        '<operation transaction="false"><authentication><login><userid>u</userid><companyid>ACME &amp; Co</companyid>' +
        '<password>p&apos;&lt;]]&gt;</password><locationid>US1</locationid></login></authentication>' +
        '<content><function controlid="g1"><getAPISession/></function></content></operation></request>',
    );
  });

  it('round-trips hostile values through a parser', () => {
    const hostile = `<tag> & ]]> "double" 'single' 😀 ${'x'.repeat(5000)}`;
    const xml = compileRequest({
      control: { ...control, uniqueId: true },
      auth: { sessionId: 'sess..' },
      transaction: true,
      functions: [create('w"1', el('CUSTOMER', [el('CUSTOMERID', 'C1'), el('NAME', hostile)]))],
    });
    const parsed = new XMLParser({
      ignoreAttributes: false,
      parseTagValue: false,
      attributeNamePrefix: '',
    }).parse(xml);
    expect(parsed.request.operation.content.function.create.CUSTOMER.NAME).toBe(hostile);
    expect(parsed.request.operation.content.function.controlid).toBe('w"1');
    expect(parsed.request.operation.transaction).toBe('true');
    expect(parsed.request.control.uniqueid).toBe('true');
  });

  it('refuses characters XML cannot carry and bad element names', () => {
    expect(() => el('NAME', 'a\u0001b')).not.toThrow();
    expect(() =>
      compileRequest({ control, auth: { sessionId: 's' }, functions: [create('x', el('A', 'a\u0001b'))] }),
    ).toThrow(/XML 1.0/);
    expect(() => el('BAD NAME')).toThrow(/element name/);
  });

  it('builds read functions within Intacct limits', () => {
    const rbq = readByQuery('r', { object: 'GLDETAIL', fields: '*', query: "A < 'b'", pageSize: 5000 });
    const xml = compileRequest({ control, auth: { sessionId: 's' }, functions: [rbq, readMore('m', 'abc')] });
    expect(xml).toContain(
      '<readByQuery><object>GLDETAIL</object><fields>*</fields><query>A &lt; &apos;b&apos;</query><pagesize>1000</pagesize><returnFormat>xml</returnFormat></readByQuery>',
    );
    expect(xml).toContain('<readMore><resultId>abc</resultId></readMore>');
    const q = query('q', {
      object: 'GLDETAIL',
      select: ['RECORDNO', 'WHENMODIFIED'],
      filter: toFilterXml(f.eq('STATE', 'Posted'), 'UTC'),
      orderBy: [{ field: 'WHENMODIFIED' }, { field: 'RECORDNO', descending: true }],
      pageSize: 9999,
      offset: 4000,
    });
    const qx = compileRequest({ control, auth: { sessionId: 's' }, functions: [q] });
    expect(qx).toContain(
      '<query><select><field>RECORDNO</field><field>WHENMODIFIED</field></select><object>GLDETAIL</object>' +
        '<filter><equalto><field>STATE</field><value>Posted</value></equalto></filter>' +
        '<orderby><order><field>WHENMODIFIED</field><ascending/></order><order><field>RECORDNO</field><descending/></order></orderby>' +
        '<options><caseinsensitive>false</caseinsensitive><showprivate>false</showprivate></options><pagesize>2000</pagesize><offset>4000</offset></query>',
    );
  });

  it('refuses duplicate function controlids in one request', () => {
    expect(() =>
      compileRequest({
        control,
        auth: { sessionId: 's' },
        functions: [readMore('a', '1'), readMore('a', '2')],
      }),
    ).toThrow(/duplicate/);
  });
});

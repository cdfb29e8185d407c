import { describe, expect, it } from 'vitest';
import type { ReceivedResponse } from '../model/exchange.ts';
import { PATH_PATTERNS, SQL_PATTERNS } from './leakPatterns.ts';
import { noLeakCheck } from './no-leak.ts';
import { STACK_FRAMES } from './stackFrames.ts';
import { problem401, testContext } from './testContext.ts';

const codes = (findings: { code: string }[]) => findings.map((f) => f.code);
const scan = (...responses: Partial<ReceivedResponse>[]) => noLeakCheck.run(testContext({ responses }));
const plain = (body: string): Partial<ReceivedResponse> => ({ status: 500, headers: { 'content-type': 'text/plain' }, body });
const html = (body: string): Partial<ReceivedResponse> => ({ status: 400, headers: { 'content-type': 'text/html; charset=utf-8' }, body });

/** One real stack trace per runtime, as each prints it. */
const TRACES: Record<string, string> = {
  node: [
    "TypeError: Cannot read properties of undefined (reading 'id')",
    '    at parseOrder (/srv/app/src/orders.js:42:13)',
    '    at Layer.handle [as handle_request] (/srv/app/node_modules/express/lib/router/layer.js:95:5)',
    '    at /srv/app/src/routes.js:17:5',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  ].join('\n'),
  python: [
    'Traceback (most recent call last):',
    '  File "/app/orders/views.py", line 42, in create_order',
    '    order = Order.objects.get(pk=order_id)',
    '  File "/usr/lib/python3.12/site-packages/django/db/models/manager.py", line 87, in manager_method',
    '    return getattr(self.get_queryset(), name)(*args, **kwargs)',
    'orders.models.Order.DoesNotExist: Order matching query does not exist.',
  ].join('\n'),
  java: [
    'java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null',
    '\tat com.example.orders.OrderService.parse(OrderService.java:42)',
    '\tat com.example.orders.OrderController.create(OrderController.java:17)',
    '\tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)',
    '\tat org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:162) ~[tomcat-embed-core-10.1.19.jar:10.1.19]',
  ].join('\n'),
  dotnet: [
    'System.InvalidOperationException: Sequence contains no elements',
    '   at System.Linq.ThrowHelper.ThrowNoElementsException()',
    '   at Orders.Api.Controllers.OrdersController.Get(Int32 id) in C:\\src\\Orders.Api\\Controllers\\OrdersController.cs:line 42',
    '   at lambda_method5(Closure , Object , Object[] )',
  ].join('\r\n'),
  go: [
    'panic: runtime error: invalid memory address or nil pointer dereference',
    '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x6b1f2c]',
    '',
    'goroutine 18 [running]:',
    'main.(*OrderHandler).ServeHTTP(0x0, {0x7a6f10, 0xc0001c2000}, 0xc0001b6000)',
    '\t/home/build/orders/handler.go:42 +0x2c',
    'net/http.serverHandler.ServeHTTP({0xc000148000?}, {0x7a6f10?, 0xc0001c2000?}, 0x6?)',
    '\t/usr/local/go/src/net/http/server.go:3137 +0x8e',
  ].join('\n'),
  ruby: [
    "NoMethodError (undefined method `total' for nil:NilClass):",
    "app/controllers/orders_controller.rb:12:in `show'",
    "actionpack (7.1.3) lib/action_controller/metal/basic_implicit_render.rb:6:in `send_action'",
  ].join('\n'),
  php: [
    "PHP Fatal error:  Uncaught InvalidArgumentException: Order not found in /var/www/html/src/Orders.php:42",
    'Stack trace:',
    '#0 /var/www/html/public/index.php(17): Orders->find(\'42\')',
    '#1 {main}',
    '  thrown in /var/www/html/src/Orders.php on line 42',
  ].join('\n'),
};

/** Prose that reads like each runtime's trace to a loose pattern, and is none. */
const NEAR_MISSES: Record<string, string> = {
  node: 'Your table is booked.\n  at home (tomorrow)\nmeet at 13:38:17 or at noon (12:00:00)',
  python: 'Traceback (most recent call last) is how Python begins a trace; see file.py, line 3 of the guide.',
  java: 'Pick up at com.example.Store(open until 18:00) or at Depot.Main(Java Street 12)',
  dotnet: 'Office hours\n   at Main.Street (Suite 5) in Springfield: line 2 of the address\n--- End of the list ---',
  go: 'The goroutine 5 [running] state is normal.\n  see handler.go:42 for details',
  ruby: 'Ruby on Rails guide.rb:12:in the chapter on routes',
  php: '#1 /best/picks for today: apples\nStack trace: none recorded.\n#0 is the first rank',
};

/** The HTML an error page gives a trace: Express's finalhandler escapes it, `<br>` per line, `&nbsp;` for doubled spaces. */
function asExpressErrorPage(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const pre = escaped.replace(/\r?\n/g, '<br>').replace(/ {2}/g, ' &nbsp;').replace(/\t/g, '&#x9;');
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>${pre}</pre>\n</body>\n</html>\n`;
}

/** Each shape's own hit, and the nearest prose that must not read as it: a loosened pattern fails here. */
const FRAME_TABLE: Record<string, { hit: string; miss: string }> = {
  'node-call': { hit: '    at parseOrder (/srv/app/src/orders.js:42:13)', miss: 'Dinner for two\n  at home (tomorrow 13:38:17)\n  at home (12/03/2025 13:38:17)\n  at the office (Room 4.B: 9:30)' },
  'node-location': { hit: '    at /srv/app/src/routes.js:17:5', miss: 'Please arrive\n  at 13:38:17\n  at 12/03/2025:13:38\n  at lobby.B: 9:30' },
  'python-header': { hit: 'Traceback (most recent call last):\n', miss: 'Python prints Traceback (most recent call last): first' },
  'python-frame': { hit: '  File "/app/views.py", line 42, in create_order', miss: 'see file.py, line 3 of the guide\nFile "notes.txt", line 3 is blank' },
  'java-frame': { hit: '\tat com.example.orders.OrderService.parse(OrderService.java:42)', miss: 'Pick up\n  at com.example.Store(open until 18:00)\n  at com.example.Guide(Chapter.java: see below)' },
  'dotnet-frame-file': { hit: '   at Orders.Api.OrdersController.Get(Int32 id) in C:\\src\\OrdersController.cs:line 42', miss: 'Office\n   at Main.Street (Suite 5) in Springfield: line 2\n   at Orders.Help(Int32 id) in the manual:line two' },
  'dotnet-frame': { hit: '   at System.Linq.ThrowHelper.ThrowNoElementsException()', miss: 'Office\n   at Main.Street (Suite 5)\n   at the.office(see you at 5pm)' },
  'dotnet-rethrow': { hit: '--- End of stack trace from previous location ---', miss: '--- End of the list ---' },
  'go-goroutine': { hit: 'goroutine 18 [running]:', miss: 'The goroutine 5 [running]: state is normal\ngoroutine main [running]:' },
  'go-frame': { hit: '\t/usr/local/go/src/net/http/server.go:3137 +0x8e', miss: 'see\n  handler.go:42 for details\n\thandler.go:42\n\thandler.go:forty +0x2c' },
  'ruby-frame': { hit: "app/controllers/orders_controller.rb:12:in `show'", miss: "guide.rb:12:in the chapter on routes\nguide.rb:twelve:in 'show'" },
  'php-frame': { hit: "#0 /var/www/html/public/index.php(17): Orders->find('42')", miss: '#1 /best/picks for today: apples\n#top guide.php(17): home()' },
  'php-header': { hit: 'Stack trace:\n#1 {main}', miss: 'Stack trace: none recorded.\n#0 is the first rank\nStack trace:\n#none recorded' },
};

const LEAK_TABLE: Record<string, { hit: string; miss: string }> = {
  'source-path': { hit: 'failed in /srv/app/src/orders.js:42', miss: 'see src/app.ts:3, v1.2/x.js:4 and https://cdn.example.com/app/main.js:42; download /static/app.js: 3 MB' },
  'server-directory': { hit: 'could not open /var/lib/orders/data.db', miss: 'moved to https://example.com/var/lib/orders, example.com/var/lib/orders and <a href="/home/help/faq">help</a>' },
  postgres: { hit: 'ERROR: syntax error at or near "FROM"', miss: 'a syntax error at or near the end of your message' },
  mysql: { hit: "You have an error in your SQL syntax; check the manual near ''' at line 1", miss: 'You have an error in your request' },
  oracle: { hit: 'ORA-00942: table or view does not exist', miss: 'Order ORA-12345 has shipped' },
  sqlite: { hit: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: users.email', miss: 'Powered by SQLite_3' },
  sqlstate: { hit: 'SQLSTATE[23000]: Integrity constraint violation', miss: 'the SQLSTATE field is documented' },
  sqlserver: { hit: "Incorrect syntax near 'FROM'.", miss: 'Incorrect syntax near the end' },
};

describe('no-leak: one real trace per runtime', () => {
  for (const [runtime, trace] of Object.entries(TRACES)) {
    it(`${runtime}: caught as text, in a JSON string, HTML-escaped and JSON-escaped in a header; its near miss is not`, () => {
      expect(codes(scan(plain(trace)))).toContain('LEAK_STACK_TRACE');
      expect(codes(scan(problem401({ detail: trace })))).toContain('LEAK_STACK_TRACE');
      expect(codes(scan(html(asExpressErrorPage(trace))))).toContain('LEAK_STACK_TRACE');
      expect(codes(scan(plain(JSON.stringify({ error: { stack: trace } }).slice(0, -2))))).toContain('LEAK_STACK_TRACE');
      expect(codes(scan({ status: 500, headers: { 'x-debug': JSON.stringify(trace) } }))).toContain('LEAK_STACK_TRACE');
      expect(scan(plain(NEAR_MISSES[runtime]!)), NEAR_MISSES[runtime]).toEqual([]);
      expect(scan(problem401({ detail: NEAR_MISSES[runtime] })), NEAR_MISSES[runtime]).toEqual([]);
      expect(scan(html(asExpressErrorPage(NEAR_MISSES[runtime]!))), NEAR_MISSES[runtime]).toEqual([]);
    });
  }
});

describe('no-leak: what clients stored is not a leak', () => {
  it('a bare server directory in a served answer is data; in a refusal it is a leak; a source file with its line is read everywhere', () => {
    const listing = JSON.stringify({ items: [{ title: 'Shelf', location: '/usr/local/books/7' }] });
    expect(scan({ status: 200, headers: { 'content-type': 'application/json' }, body: listing })).toEqual([]);
    expect(codes(scan({ status: 400, headers: { 'content-type': 'application/json' }, body: listing }))).toEqual(['LEAK_FILE_PATH']);
    expect(codes(scan({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ note: 'at /srv/app/orders.js:42' }) }))).toEqual(['LEAK_FILE_PATH']);
  });
});

describe('no-leak: every pattern has a hit and a near miss', () => {
  it('the tables name every pattern', () => {
    expect(Object.keys(FRAME_TABLE).sort()).toEqual(STACK_FRAMES.map((s) => s.id).sort());
    expect(Object.keys(LEAK_TABLE).sort()).toEqual([...PATH_PATTERNS, ...SQL_PATTERNS].map((p) => p.id).sort());
  });
  for (const shape of STACK_FRAMES) {
    it(`${shape.id}: its hit is a frame, its near miss is not`, () => {
      const { hit, miss } = FRAME_TABLE[shape.id]!;
      expect(shape.pattern.test(hit)).toBe(true);
      expect(shape.pattern.test(`Error: x\n${hit}`)).toBe(true);
      expect(codes(scan(problem401({ detail: `Error: x\n${hit}` })))).toContain('LEAK_STACK_TRACE');
      expect(scan(plain(miss)), miss).toEqual([]);
      // A frame belongs on a line of its own: the same text inside a sentence is prose.
      expect(shape.pattern.test(`see ${hit.trimStart()}`)).toBe(false);
    });
  }
  for (const pattern of [...PATH_PATTERNS, ...SQL_PATTERNS]) {
    it(`${pattern.id}: its hit is a ${pattern.code}, its near miss is not`, () => {
      const { hit, miss } = LEAK_TABLE[pattern.id]!;
      expect(pattern.pattern.test(hit)).toBe(true);
      expect(codes(scan(problem401({ detail: hit })))).toEqual([pattern.code]);
      expect(scan(problem401({ detail: miss })), miss).toEqual([]);
    });
  }
});

describe('no-leak: where it looks', () => {
  const trace = TRACES.node!;
  it('reads the repeat, and says so', () => {
    const findings = scan(problem401(), problem401({ detail: trace }));
    expect(codes(findings)).toEqual(['LEAK_STACK_TRACE', 'LEAK_FILE_PATH']);
    expect(findings[0]!.message).toBe('the repeat answer (401) contains a Node.js stack frame in its body');
  });
  it('reads every header, and names it', () => {
    const findings = scan({ ...problem401(), headers: { ...problem401().headers, 'x-error-stack': JSON.stringify(trace) } });
    expect(findings[0]!.message).toBe('the first answer (401) contains a Node.js stack frame in its header x-error-stack');
    expect(codes(scan({ status: 500, headers: { 'x-debug-file': 'C:\\inetpub\\app\\Orders.cs:line 42' } }))).toEqual(['LEAK_FILE_PATH']);
  });
  it('flags an echoed secret, in a header too, and never an empty one', () => {
    const secret = 'oat_SECRETsecretSECRET';
    expect(codes(noLeakCheck.run(testContext({ secrets: [secret], responses: [problem401({ detail: `token ${secret} is revoked` })] })))).toEqual(['LEAK_SECRET']);
    const inHeader = noLeakCheck.run(testContext({ secrets: [secret], responses: [problem401(), { status: 401, headers: { 'x-token': secret } }] }));
    expect(inHeader).toEqual([{ code: 'LEAK_SECRET', message: 'the repeat answer (401) echoes a credential the run sent in its header x-token' }]);
    expect(noLeakCheck.run(testContext({ secrets: [''], responses: [problem401()] }))).toEqual([]);
  });
  it('does not mistake links, problem members or the path the client sent for server directories', () => {
    const response = problem401({ type: 'https://errors.example.com/v1/invalid-token', instance: '/var/problems/1/orders/2.json' });
    expect(scan(response)).toEqual([]);
    expect(scan({ status: 302, headers: { location: '/home/login/next', link: '</usr/docs/a>; rel="help"' } })).toEqual([]);
    const echo = testContext({ responses: [html('<pre>Cannot GET /home/feed/1</pre>')] });
    echo.exchanges[0]!.request.url = 'http://127.0.0.1/home/feed/1';
    expect(noLeakCheck.run(echo)).toEqual([]);
    // Only the whole path is the client's: `/x` sent does not hide the `/x` inside a directory.
    expect(codes(scan(plain('open /var/x/y failed')))).toEqual(['LEAK_FILE_PATH']);
  });
  it('reports one finding per kind of leak, with the first place it was seen', () => {
    const findings = scan(plain(`${TRACES.python}\n${TRACES.java}`), plain(TRACES.go!));
    expect(findings.map((f) => f.message)).toEqual(['the first answer (500) contains a Python traceback in its body', 'the first answer (500) contains a source file path in its body']);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveAttachmentUrl } from './attachment-url';

const BASE = 'http://127.0.0.1:4010';

describe('resolveAttachmentUrl', () => {
  it('resolves a relative Binary reference against the hospital FHIR base on the exchange', () => {
    expect(resolveAttachmentUrl('Binary/bin-1', BASE, '10661')).toBe('http://127.0.0.1:4010/hospitals/10661/fhir/Binary/bin-1');
    expect(resolveAttachmentUrl('Binary/bin-1', 'https://hie.example/api/', '10661')).toBe(
      'https://hie.example/api/hospitals/10661/fhir/Binary/bin-1',
    );
  });

  it('accepts an absolute URL only when it is exactly the exchange Binary of that hospital', () => {
    expect(resolveAttachmentUrl('http://127.0.0.1:4010/hospitals/10661/fhir/Binary/b', BASE, '10661')).toBe(
      'http://127.0.0.1:4010/hospitals/10661/fhir/Binary/b',
    );
  });

  it.each([
    ['another host', 'http://169.254.169.254/hospitals/10661/fhir/Binary/b'],
    ['another port on the same host', 'http://127.0.0.1:5432/hospitals/10661/fhir/Binary/b'],
    ['another scheme', 'https://127.0.0.1:4010/hospitals/10661/fhir/Binary/b'],
    ['credentials in the URL', 'http://user:pw@127.0.0.1:4010/hospitals/10661/fhir/Binary/b'],
    ['another hospital', 'http://127.0.0.1:4010/hospitals/11535/fhir/Binary/b'],
    ['a control route', 'http://127.0.0.1:4010/_sandbox/reset'],
    ['a query string', 'http://127.0.0.1:4010/hospitals/10661/fhir/Binary/b?x=1'],
    ['path traversal', 'http://127.0.0.1:4010/hospitals/10661/fhir/Binary/../../_sandbox/faults'],
    ['an encoded slash in the id', 'Binary/..%2F_sandbox'],
    ['a relative path elsewhere', '../_sandbox/reset'],
    ['a file URL', 'file:///etc/passwd'],
    ['a data URL', 'data:application/pdf;base64,JVBERi0='],
    ['a protocol-relative URL', '//evil.example/hospitals/10661/fhir/Binary/b'],
    ['an empty string', ''],
  ])('refuses %s', (_label, url) => {
    expect(resolveAttachmentUrl(url, BASE, '10661')).toBeNull();
  });

  it('refuses a malformed hospital code', () => {
    expect(resolveAttachmentUrl('Binary/b', BASE, '10661/../x')).toBeNull();
  });
});

// The quick start built as written: its sources compiled (client generated), the plugin stored a token through
// the README's settings.xml, and its test passed against the fake Zoho. No secret in the build log.
try {
  def log = new File(basedir, 'build.log').text
  context.get('files').each { assert new File(basedir, it).isFile(): "not written: ${it}" }
  assert new File(basedir, 'target/classes/com/example/crm/LeadsApiZohoClient.class').isFile()
  assert new File(basedir, 'target/classes/META-INF/zoho/scopes.json').isFile()
  assert log.contains('Stored new Zoho tokens for the 2 scopes of this build')
  assert new File(basedir, 'target/tokens.json').isFile()
  assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0.*LeadsApiTest/
  assert context.get('fake').count('token:authorization_code') == 1
  context.get('secrets').each { assert !log.contains(it): 'a secret reached the build log' }
} finally {
  context.get('fake')?.close()
}
return true

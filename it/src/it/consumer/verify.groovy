try {
  def fake = context.get('fake')
  def log = new File(basedir, 'build.log').text
  assert log.contains('Stored new Zoho tokens')
  assert log =~ /Tests run: 5, Failures: 0, Errors: 0, Skipped: 0/
  assert fake.count('token:authorization_code') == 2   // the bootstrap, and the narrow token of one IT
  assert new File(basedir, 'target/zoho-tokens.json').exists()
  context.get('secrets').each { assert !log.contains(it) }
} finally {
  context.get('fake')?.close()
}
return true

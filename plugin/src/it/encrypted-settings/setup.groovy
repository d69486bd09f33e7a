import org.sonatype.plexus.components.cipher.DefaultPlexusCipher
evaluate(new File(itSources, '_shared/setup.groovy'))
def cipher = new DefaultPlexusCipher()
def master = 'it-master-password'
def security = new File(basedir, 'settings-security.xml')
security.text = "<settingsSecurity><master>${cipher.encryptAndDecorate(master, 'settings.security')}</master></settingsSecurity>\n"
selfClientBuild(properties: ['settings.security': security.absolutePath], password: { client ->
  def encrypted = cipher.encryptAndDecorate(client.clientSecret(), master)
  assert encrypted.startsWith('{')
  encrypted
})
return true

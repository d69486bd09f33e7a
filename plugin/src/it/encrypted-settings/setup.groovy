import org.sonatype.plexus.components.cipher.DefaultPlexusCipher
evaluate(new File(itSources, '_shared/setup.groovy'))
copyApi()
def fake = startFake()
def client = fake.registerSelfClient()
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.leads.ALL', 'ZohoCRM.users.READ'])
def cipher = new DefaultPlexusCipher()
def master = 'it-master-password'
def security = new File(basedir, 'settings-security.xml')
security.text = "<settingsSecurity><master>${cipher.encryptAndDecorate(master, 'settings.security')}</master></settingsSecurity>\n"
def encrypted = cipher.encryptAndDecorate(client.clientSecret(), master)
assert encrypted.startsWith('{')
context.put('secrets', [client.clientSecret(), code])
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(), 'zoho.grantToken': code,
                 'settings.security': security.absolutePath])
writeSettings(client.clientId(), encrypted)
return true

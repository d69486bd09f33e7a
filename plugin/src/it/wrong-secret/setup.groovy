evaluate(new File(itSources, '_shared/setup.groovy'))
copyApi()
def fake = startFake()
def client = fake.registerSelfClient()
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.leads.ALL', 'ZohoCRM.users.READ'])
def wrong = '0123456789abcdef0123456789abcdef0123456789'
context.put('secrets', [client.clientSecret(), code, wrong])
writeProperties(['zoho.accountsUrl': usUrl(fake), 'zoho.tokenStore': tokenFile(), 'zoho.grantToken': code])
writeSettings(client.clientId(), wrong)
return true

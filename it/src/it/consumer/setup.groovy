// Starts the fake Zoho for this consumer build, registers a self client, generates the grant code the way the API
// Console does, and puts what the build needs in .mvn/maven.config.
import io.github.zohokit.token.DataCenter
import io.github.zohokit.testkit.FakeZoho

def fake = FakeZoho.start()
context.put('fake', fake)
def client = fake.registerSelfClient()
def code = fake.generateGrantCode(client, ['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoCRM.users.READ',
    'ZohoCRM.org.READ', 'ZohoCRM.settings.ALL'])
context.put('secrets', [client.clientSecret(), code])
def url = fake.baseUrl(DataCenter.US)
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = [
    "-Dzoho.accountsUrl=${url}", "-Dzoho.clientId=${client.clientId()}", "-Dzoho.clientSecret=${client.clientSecret()}",
    "-Dzoho.grantToken=${code}", "-Dfake.control=${fake.controlUrl()}"].join('\n') + '\n'
return true

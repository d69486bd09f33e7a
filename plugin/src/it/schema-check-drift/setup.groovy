evaluate(new File(itSources, '_shared/setup.groovy'))
import io.github.zohokit.token.DataCenter

def scopes = ['ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.org.READ']
def fake = selfClientBuild(scopes: scopes, properties: ['zoho.scopes': scopes.join(',')]).fake
// a snapshot as zoho:schema writes it, of the fake's US org, with a field the org does not have
def dir = new File(basedir, 'src/main/zoho/schema/modules')
dir.mkdirs()
new File(basedir, 'src/main/zoho/schema/org.json').text = """{
  "api_version": "v8",
  "data_center": "us",
  "modules": [
    "Leads"
  ],
  "org_id": "${fake.orgId(DataCenter.US)}"
}
"""
new File(dir, 'Leads.json').text = '''{
  "api_name": "Leads",
  "api_supported": true,
  "fields": [
    {
      "api_name": "Fax",
      "data_type": "phone",
      "id": "1",
      "json_type": "string"
    },
    {
      "api_name": "Last_Name",
      "data_type": "text",
      "id": "2",
      "json_type": "string",
      "system_mandatory": true
    }
  ]
}
'''
return true

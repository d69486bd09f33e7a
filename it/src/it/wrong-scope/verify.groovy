def log = new File(basedir, 'build.log').text
assert log.contains('LeadsApi.java:[9,3]')
assert log.contains('GET /crm/v8/Leads needs ZohoCRM.modules.leads.READ or ZohoCRM.modules.leads.ALL or '
    + 'ZohoCRM.modules.ALL')
assert log.contains('which the declared scopes [ZohoCRM.modules.contacts.READ] do not cover; declare '
    + '@ZohoScope("ZohoCRM.modules.leads.READ") on list()')
assert !new File(basedir, 'target/classes/META-INF/zoho/scopes.json').exists()
return true

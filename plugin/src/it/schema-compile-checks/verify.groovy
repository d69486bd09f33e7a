evaluate(new File(itSources, '_shared/verify.groovy'))
def log = buildLog()
// the error is on the @Coql annotation (line 10), worded as issue 22 asks
assert log =~ /LeadQueries\.java:\[10,\d+\] `Lead_Sourse` is not a field of Leads in snapshot src\/main\/zoho\/schema \(fetched 2026-12-01\); did you mean `Lead_Source`\? If the org changed, run `mvn zoho:schema`/: log
// the records and their APIs were generated and compiled against the same snapshot without an error of their own
assert new File(basedir, 'target/generated-sources/zohokit/it/zohokit/crm/ZohoSchemaSnapshot.java').exists()
def errors = (log =~ /\[ERROR\] (\S+\.java):\[/).collect { it[1] } as Set
assert errors.size() == 1 && errors.first().endsWith('LeadQueries.java'): errors
return true

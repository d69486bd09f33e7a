evaluate(new File(itSources, '_shared/setup.groovy'))
def project = selfClientBuild()
// the grant code was issued 4 minutes ago: past Zoho's 3-minute validity for self-client codes
project.fake.advanceClock(java.time.Duration.ofMinutes(4))
return true

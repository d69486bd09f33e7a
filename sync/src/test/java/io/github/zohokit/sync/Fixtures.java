package io.github.zohokit.sync;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connection to a fake Zoho, and an in-memory target a sync copies into. */
final class Fixtures {
  private Fixtures() {}

  static Zoho connect(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = ZohoOAuth.builder(client.type()).clientId(client.clientId())
        .clientSecret(client.clientSecret()).endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client,
        List.of("ZohoCRM.modules.ALL", "ZohoCRM.bulk.ALL", "ZohoCRM.org.READ", "ZohoFiles.files.ALL",
        "ZohoCRM.settings.fields.READ")));
    return Zoho.connect(oauth);
  }

  /** The other system: rows by id, and every version key it was handed, in order. */
  static final class Target implements SyncHandler {
    final Map<String, SyncRecord> rows = new LinkedHashMap<>();
    final List<String> versions = new ArrayList<>();
    final List<String> deletes = new ArrayList<>();
    final Map<String, Integer> deliveries = new HashMap<>();
    int reconciliations;
    int batches;

    @Override
    public void handle(SyncBatch batch) {
      batches++;
      for (SyncRecord r : batch.upserts()) {
        rows.put(r.id(), r);
        versions.add(r.versionKey());
        deliveries.merge(r.versionKey(), 1, Integer::sum);
      }
      for (DeletedRecord d : batch.deletes()) {
        rows.remove(d.id());
        deletes.add(d.id());
      }
      batch.reconciliation().ifPresent(live -> {
        reconciliations++;
        rows.keySet().removeIf(id -> !live.contains(id));
      });
    }
  }
}

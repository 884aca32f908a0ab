package org.originbridge.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Resets a read model so that its service rebuilds it from the log at its next start: drops the
 * named MongoDB collections and deletes the service's consumer group (its offsets), so the
 * service reads every topic from the beginning ({@code auto.offset.reset=earliest}). The service
 * must be stopped (a group with members cannot be deleted). Used by {@code bin/originbridge rebuild}.
 *
 * <pre>java -cp ... org.originbridge.runtime.ReadModelReset --bootstrap HOST:PORT --group GROUP
 *     --mongodb-uri mongodb://HOST:PORT/DB --collections a,b,c</pre>
 */
public final class ReadModelReset {

    private ReadModelReset() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String bootstrap = options.getOrDefault("--bootstrap", "127.0.0.1:9092");
        String group = require(options, "--group");
        String uri = require(options, "--mongodb-uri");
        List<String> collections = List.of(require(options, "--collections").split(","));
        dropCollections(uri, collections);
        System.out.println("dropped " + collections + " from " + uri.replaceAll("//[^@/]*@", "//***@"));
        System.out.println(deleteGroup(bootstrap, group) ? "deleted consumer group " + group
                : "consumer group " + group + " did not exist");
    }

    public static void dropCollections(String uri, List<String> collections) {
        try (MongoClient client = MongoClients.create(uri)) {
            String name = new com.mongodb.ConnectionString(uri).getDatabase();
            MongoDatabase database = client.getDatabase(name == null || name.isBlank() ? "originbridge" : name);
            for (String collection : collections) {
                database.getCollection(collection).drop();
            }
        }
    }

    /** Deletes the group's committed offsets; true when it existed. */
    public static boolean deleteGroup(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(KafkaClientSecurity.withEnvironmentCredentials(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap)))) {
            admin.deleteConsumerGroups(Set.of(group)).all().get();
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("usage: ReadModelReset --bootstrap HOST:PORT --group GROUP --mongodb-uri URI --collections a,b");
            System.exit(2);
        }
        return value;
    }
}

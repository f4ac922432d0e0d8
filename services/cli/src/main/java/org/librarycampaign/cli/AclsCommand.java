package org.librarycampaign.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.librarycampaign.platform.config.CampaignConfig;
import org.librarycampaign.platform.registry.InMemorySchemaRegistry;
import org.librarycampaign.platform.security.ServiceAcls;
import org.librarycampaign.platform.service.CampaignService;
import org.librarycampaign.platform.topics.TopicCatalogue;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
    name = "acls",
    mixinStandardHelpOptions = true,
    description = {
      "The least Kafka rights of each service, for principal User:<service>, derived",
      "from the topics its topology and clients read and write. --print lists them;",
      "--apply creates them (the connecting user needs the right to alter ACLs: a",
      "super user). Existing ACLs are left as they are."
    })
final class AclsCommand implements Callable<Integer> {

  @Mixin ClusterOptions cluster;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  static final class Mode {
    @Option(names = "--print", required = true, description = "Print the ACLs.")
    boolean print;

    @Option(names = "--apply", required = true, description = "Create the ACLs on the cluster.")
    boolean apply;
  }

  @Option(
      names = "--service",
      paramLabel = "NAME",
      description = "Only this service (default: every service).")
  String service;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    CampaignConfig config = cluster.config();
    PrintWriter out = spec.commandLine().getOut();
    List<AclBinding> bindings = bindings(config, service);
    if (mode.print) {
      bindings.forEach(binding -> out.println(describe(binding)));
      return 0;
    }
    try (Admin admin = Admin.create(config.kafkaProperties())) {
      admin.createAcls(bindings).all().get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Creating ACLs failed: " + e.getCause().getMessage(), e);
    }
    out.println(bindings.size() + " ACL(s) created.");
    return 0;
  }

  /**
   * The bindings of one service, or of all: topologies are built against an in-memory registry,
   * since deriving names needs no schema.
   */
  static List<AclBinding> bindings(CampaignConfig config, String only) {
    TopicCatalogue topics = TopicCatalogue.forConfig(config, new InMemorySchemaRegistry());
    List<CampaignService> services =
        ServiceLoader.load(CampaignService.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(s -> only == null || s.name().equals(only))
            .sorted(Comparator.comparing(CampaignService::name))
            .toList();
    if (services.isEmpty()) {
      throw new ParameterException(
          new picocli.CommandLine(new AclsCommand()), "no service named " + only);
    }
    return services.stream()
        .flatMap(s -> ServiceAcls.forService(s, config, topics).stream())
        .toList();
  }

  static String describe(AclBinding binding) {
    return String.format(
        "%s %s %s %s %s:%s",
        binding.entry().principal(),
        binding.entry().permissionType(),
        binding.entry().operation(),
        binding.pattern().resourceType(),
        binding.pattern().patternType(),
        binding.pattern().name());
  }
}

package org.originbridge.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The dashboards and alert rules in deploy/ are well-formed, every alert has a runbook entry, both
 * Prometheus configs load the rules, and the query reader used by {@link MonitoringContract} (run
 * against the real services by PipelineIT) finds what it must.
 */
class MonitoringConfigTest {

    private final MonitoringConfig config = MonitoringConfig.fromWorkingDirectory();

    @Test
    void dashboardsAreWellFormedAndEveryPanelHasQueries() {
        List<MonitoringConfig.Query> queries = config.dashboardQueries();
        assertThat(queries).hasSizeGreaterThan(30);
        assertThat(queries).allSatisfy(q -> assertThat(PromQl.parse(q.expr()).hasNamelessSelector())
                .as(q.source() + " selects by __name__").isFalse());
    }

    @Test
    void dashboardsCoverWhatAnOnCallEngineerNeeds() {
        Set<String> metrics = new LinkedHashSet<>();
        config.dashboardQueries().forEach(q -> metrics.addAll(PromQl.parse(q.expr()).metrics()));
        assertThat(metrics).contains(
                "originbridge_intake_declarations_total", "originbridge_asw_outcomes_total",
                "originbridge_ccpit_request_outcomes_total", "originbridge_logistics_events_total",
                "originbridge_scoring_outcomes_total", "originbridge_status_projection_outcomes_total",
                "originbridge_asw_verifications_seconds_bucket", "spring_kafka_listener_seconds_bucket",
                "kafka_consumer_fetch_manager_records_lag", "spring_kafka_template_seconds_count",
                "originbridge_external_breaker_state", "originbridge_external_calls_seconds_bucket",
                "jvm_memory_used_bytes");
    }

    @Test
    void alertRulesAreWellFormedWithARunbookEntryEach() {
        List<MonitoringConfig.Alert> alerts = config.alerts();
        assertThat(alerts).extracting(MonitoringConfig.Alert::name).contains(
                "OriginBridgeConsumerLagGrowing", "OriginBridgeDeadLetters", "OriginBridgeBreakerOpen",
                "OriginBridgeServiceDown", "OriginBridgeListenersNotConsuming", "OriginBridgeHttpErrorRate",
                "OriginBridgeVerificationLatencySloBurn");
        assertThat(alerts).allSatisfy(a -> assertThat(config.runbookAnchors()).contains(a.runbookAnchor()));
    }

    @Test
    void bothPrometheusConfigsLoadTheRules() {
        config.checkPrometheusConfigsLoadTheRules();
    }

    @Test
    void theQueryReaderFindsMetricsMatchersAndGroupingLabels() {
        PromQl.Names names = PromQl.parse("histogram_quantile(0.99, sum by (le, system) (rate("
                + "originbridge_external_calls_seconds_bucket{application=~\"$application\", outcome!=\"a{b}\"}[$__rate_interval])))"
                + " / on (system) group_left max(up{job=\"x\"} offset 5m) and foo");
        assertThat(names.metrics()).containsExactly("originbridge_external_calls_seconds_bucket", "up", "foo");
        assertThat(names.selectors().get(0).matcherLabels()).containsExactly("application", "outcome");
        assertThat(names.selectors().get(1).exactValues()).isEqualTo(Map.of("job", "x"));
        assertThat(names.groupingLabels()).containsExactly("le", "system");
        assertThat(PromQl.parse("sum by (__name__) ({__name__=~\"originbridge_.+\"})").hasNamelessSelector()).isTrue();
        assertThatThrownBy(() -> PromQl.parse("sum(rate(x[5m])")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theContractRefusesUnknownMetricsLabelsGroupingsAndValues() {
        Map<String, Map<String, Set<String>>> exported = MonitoringContract.exported(Map.of("svc",
                "# HELP x\nfoo_total{application=\"svc\",outcome=\"ok\"} 1.0\nbar_seconds_bucket{le=\"1.0\"} 2\nbaz 3\n"));
        assertThat(exported).containsKeys("foo_total", "bar_seconds_bucket", "baz");
        List<String> ok = MonitoringContract.problems(List.of(
                new MonitoringConfig.Query("ok", "sum by (outcome) (rate(foo_total{outcome=\"ok\"}[5m])) / on (instance) baz"),
                new MonitoringConfig.Query("bucket", "sum(rate(bar_seconds_bucket{le=\"1.0\"}[5m]))"),
                new MonitoringConfig.Query("regex", "foo_total{outcome=~\"o.\", application=~\"$application\"}")),
                exported);
        assertThat(ok).isEmpty();

        List<String> bad = MonitoringContract.problems(List.of(
                new MonitoringConfig.Query("missing", "rate(nope_total[5m])"),
                new MonitoringConfig.Query("label", "foo_total{topic=\"t\"}"),
                new MonitoringConfig.Query("grouping", "sum by (name) (foo_total)"),
                new MonitoringConfig.Query("value", "foo_total{outcome=\"other\"}"),
                new MonitoringConfig.Query("regex", "foo_total{outcome=~\".+-dlt\"}"),
                new MonitoringConfig.Query("nameless", "sum by (__name__) ({__name__=~\"foo.+\"})")),
                exported);
        for (String source : List.of("missing", "label", "grouping", "value", "regex", "nameless")) {
            assertThat(bad).anyMatch(problem -> problem.startsWith(source + ":"));
        }
        assertThat(String.join("\n", bad)).contains("nope_total is not exported", "has no label topic",
                "groups by name", "outcome=\"other\"", "without a metric name");
    }
}

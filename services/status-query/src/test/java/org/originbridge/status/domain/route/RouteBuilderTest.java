package org.originbridge.status.domain.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.originbridge.status.domain.LogisticsEvent;
import org.originbridge.status.domain.route.DeliveryRoute.LegStatus;
import org.originbridge.status.domain.route.DeliveryRoute.PositionKind;
import org.originbridge.status.domain.route.DeliveryRoute.Role;
import org.originbridge.status.domain.route.DeliveryRoute.Stop;

/** The route rules of {@link RouteBuilder}, one at a time, on the China -> Malaysia demo lane. */
class RouteBuilderTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final String IMO = "9321483";
    private static final String VOYAGE = "447E";

    private final RouteBuilder builder = new RouteBuilder(PortDirectory.shipped());

    /** A TRANSPORT/EQUIPMENT event; {@code created} and {@code at} in hours after T0. */
    private static LogisticsEvent event(String id, String type, String classifier, String code, String port, double at,
            double created) {
        return new LogisticsEvent(id, "DCSA", type, classifier, code, hours(at), hours(created), port, null, "VESSEL",
                IMO, VOYAGE, type.equals("EQUIPMENT") ? "MSKU1234565" : null, "TD1", "BK1", null, "");
    }

    private static LogisticsEvent transport(String id, String classifier, String code, String port, double at, double created) {
        return event(id, "TRANSPORT", classifier, code, port, at, created);
    }

    private static Instant hours(double h) {
        return T0.plusSeconds((long) (h * 3600));
    }

    /** Plan: Shanghai (declared as CNSHA) dep 0h, Singapore arr 100 dep 110, Port Klang arr 130. */
    private static List<LogisticsEvent> plan() {
        return List.of(
                transport("p1", "PLN", "DEPA", "CNYSA", 0, -10),
                transport("p2", "PLN", "ARRI", "SGSIN", 100, -10),
                transport("p3", "PLN", "DEPA", "SGSIN", 110, -10),
                transport("p4", "PLN", "ARRI", "MYPKG", 130, -10));
    }

    private DeliveryRoute build(List<LogisticsEvent> events, double nowHours) {
        return builder.build(events, "CNSHA", "MYPKG", hours(nowHours));
    }

    @Test
    void plannedRouteHasLoadingTransshipmentAndDischargeWithCoordinatesAndPlannedLegs() {
        DeliveryRoute route = build(plan(), -1);

        assertThat(route.stops()).extracting(Stop::unLocode).containsExactly("CNYSA", "SGSIN", "MYPKG");
        assertThat(route.stops()).extracting(Stop::role)
                .containsExactly(Role.LOADING, Role.TRANSSHIPMENT, Role.DISCHARGE);
        assertThat(route.stops().get(0).name()).isEqualTo("Shanghai Yangshan");
        assertThat(route.stops().get(2).latitude()).isEqualTo(3.00);
        assertThat(route.stops().get(1).arrival().planned()).isEqualTo(hours(100));
        assertThat(route.stops().get(1).departure().planned()).isEqualTo(hours(110));
        assertThat(route.legs()).extracting(DeliveryRoute.Leg::status).containsOnly(LegStatus.PLANNED);
        assertThat(route.legs().get(0).vesselImo()).isEqualTo(IMO);
        assertThat(route.legs().get(0).carrierVoyageNumber()).isEqualTo(VOYAGE);
        assertThat(route.position().kind()).isEqualTo(PositionKind.NOT_STARTED);
        assertThat(route.position().at()).isEqualTo("CNYSA");
        assertThat(route.eta().unLocode()).isEqualTo("MYPKG");
        assertThat(route.eta().at()).isEqualTo(hours(130));
        assertThat(route.eta().basis()).isEqualTo("PLN");
    }

    @Test
    void aliasesOfShanghaiAreOneNodeAndTheCodesSeenAreKept() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(event("a1", "EQUIPMENT", "ACT", "LOAD", "CNSGH", -2, -2));
        events.add(transport("a2", "ACT", "DEPA", "CNSHA", 0.5, 0.5));

        DeliveryRoute route = build(events, 1);

        assertThat(route.stops()).hasSize(3);
        assertThat(route.stops().get(0).unLocode()).isEqualTo("CNYSA");
        assertThat(route.stops().get(0).reportedAs()).containsExactlyInAnyOrder("CNYSA", "CNSGH", "CNSHA");
        assertThat(route.stops().get(0).departure().actual()).isEqualTo(hours(0.5));
    }

    @Test
    void caiMepAndPortKlangTerminalsCollapseIntoTheirPorts() {
        PortDirectory ports = PortDirectory.shipped();
        assertThat(ports.nodeOf("VNTOT")).isEqualTo("VNCMT");
        assertThat(ports.nodeOf("MYWSP")).isEqualTo("MYPKG");
        assertThat(ports.nodeOf("MYLPK")).isEqualTo("MYPKG");
        assertThat(ports.nodeOf("cn sha")).isEqualTo("CNYSA");
        assertThat(ports.nodeOf("ZZZZZ")).isEqualTo("ZZZZZ");
        assertThat(ports.nodeOf(" ")).isNull();
    }

    @Test
    void actualBeatsEstimateBeatsPlanAndTheEtaSaysWhichItIs() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("e1", "EST", "ARRI", "MYPKG", 135, 20));
        assertThat(build(events, 21).eta().at()).isEqualTo(hours(135));
        assertThat(build(events, 21).eta().basis()).isEqualTo("EST");

        events.add(transport("a1", "ACT", "ARRI", "MYWSP", 134, 134));
        DeliveryRoute arrived = build(events, 140);
        assertThat(arrived.eta().at()).isEqualTo(hours(134));
        assertThat(arrived.eta().basis()).isEqualTo("ACT");
        Stop klang = arrived.stops().get(2);
        assertThat(klang.arrival().planned()).isEqualTo(hours(130));
        assertThat(klang.arrival().estimated()).isEqualTo(hours(135));
        assertThat(klang.arrival().actual()).isEqualTo(hours(134));
        assertThat(arrived.position().kind()).isEqualTo(PositionKind.ARRIVED);
        assertThat(arrived.position().at()).isEqualTo("MYPKG");
        assertThat(arrived.legs()).extracting(DeliveryRoute.Leg::status).containsOnly(LegStatus.DONE);
    }

    @Test
    void theEstimateCreatedLastWinsWhateverOrderTheyArriveIn() {
        LogisticsEvent older = transport("e1", "EST", "ARRI", "MYPKG", 140, 10);
        LogisticsEvent newer = transport("e2", "EST", "ARRI", "MYPKG", 128, 30);
        List<LogisticsEvent> inOrder = new ArrayList<>(plan());
        inOrder.add(older);
        inOrder.add(newer);
        List<LogisticsEvent> reversed = new ArrayList<>(inOrder);
        Collections.reverse(reversed);

        assertThat(build(inOrder, 31).eta().at()).isEqualTo(hours(128));
        assertThat(build(reversed, 31)).isEqualTo(build(inOrder, 31));
    }

    @Test
    void outOfOrderActualsGiveTheSameRouteAndThePositionOfTheLatestEventTime() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("a1", "ACT", "DEPA", "CNYSA", 1, 1));
        events.add(transport("a2", "ACT", "ARRI", "SGSIN", 99, 99));
        events.add(transport("a3", "ACT", "DEPA", "SGSIN", 111, 111));
        List<LogisticsEvent> shuffled = List.of(events.get(6), events.get(1), events.get(4), events.get(0),
                events.get(5), events.get(3), events.get(2));

        DeliveryRoute a = build(events, 121);
        DeliveryRoute b = build(shuffled, 121);

        assertThat(b).isEqualTo(a);
        assertThat(a.position().kind()).isEqualTo(PositionKind.ON_LEG);
        assertThat(a.position().from()).isEqualTo("SGSIN");
        assertThat(a.position().to()).isEqualTo("MYPKG");
        // left at 111, due at 130 (plan), now 121: 10 of 19 hours
        assertThat(a.position().progress()).isCloseTo(10.0 / 19.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.position().latitude()).isBetween(1.26, 3.00);
        assertThat(a.legs()).extracting(DeliveryRoute.Leg::status).containsExactly(LegStatus.DONE, LegStatus.UNDERWAY);
    }

    @Test
    void atANodeBetweenArrivalAndDeparture() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("a1", "ACT", "DEPA", "CNYSA", 1, 1));
        events.add(transport("a2", "ACT", "ARRI", "SGSIN", 99, 99));

        DeliveryRoute route = build(events, 100);

        assertThat(route.position().kind()).isEqualTo(PositionKind.AT_NODE);
        assertThat(route.position().at()).isEqualTo("SGSIN");
        assertThat(route.position().lastEventCode()).isEqualTo("ARRI");
        assertThat(route.position().latitude()).isEqualTo(1.26);
        assertThat(route.legs()).extracting(DeliveryRoute.Leg::status).containsExactly(LegStatus.DONE, LegStatus.PLANNED);
    }

    @Test
    void aRetractedActualIsAsIfItNeverCameAndTheRetractionItselfIsNoEvent() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("a1", "ACT", "DEPA", "CNYSA", 1, 1));
        events.add(transport("wrong", "ACT", "ARRI", "SGSIN", 50, 50));
        LogisticsEvent retraction = new LogisticsEvent("r1", "DCSA", "TRANSPORT", "ACT", "ARRI", hours(50), hours(51),
                "SGSIN", null, "VESSEL", IMO, VOYAGE, null, "TD1", "BK1", "wrong", "");
        events.add(retraction);

        DeliveryRoute route = build(events, 60);

        assertThat(route.stops().get(1).arrival().actual()).isNull();
        assertThat(route.position().kind()).isEqualTo(PositionKind.ON_LEG);
        assertThat(route.position().from()).isEqualTo("CNYSA");
        assertThat(route.legs().get(0).status()).isEqualTo(LegStatus.UNDERWAY);
    }

    @Test
    void aDischargeReportStandsInForAMissingArrival() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(event("d1", "EQUIPMENT", "ACT", "DISC", "MYWSP", 133, 133));

        DeliveryRoute route = build(events, 134);

        assertThat(route.eta().at()).isEqualTo(hours(133));
        assertThat(route.eta().basis()).isEqualTo("ACT");
        assertThat(route.position().kind()).isEqualTo(PositionKind.ARRIVED);
    }

    @Test
    void progressIsUnknownWithoutAnExpectedArrivalAndTheCargoIsDrawnHalfWay() {
        List<LogisticsEvent> events = List.of(transport("a1", "ACT", "DEPA", "CNYSA", 1, 1));

        DeliveryRoute route = build(events, 5);

        assertThat(route.stops()).extracting(Stop::unLocode).containsExactly("CNYSA", "MYPKG");
        assertThat(route.position().kind()).isEqualTo(PositionKind.ON_LEG);
        assertThat(route.position().progress()).isNull();
        assertThat(route.position().latitude()).isCloseTo((30.62 + 3.00) / 2, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(route.eta().at()).isNull();
        assertThat(route.eta().basis()).isNull();
    }

    @Test
    void unknownPortsStayOnTheRouteWithoutCoordinatesAndUnclassifiedEventsAreIgnored() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("x1", "PLN", "ARRI", "TWKHH", 50, -10));
        events.add(transport("x2", "PLN", "DEPA", "TWKHH", 55, -10));
        events.add(transport("u1", "UNKNOWN", "ARRI", "KRPUS", 60, 60));

        DeliveryRoute route = build(events, 0);

        assertThat(route.stops()).extracting(Stop::unLocode).containsExactly("CNYSA", "TWKHH", "SGSIN", "MYPKG");
        assertThat(route.stops().get(1).latitude()).isNull();
        assertThat(route.stops().get(1).role()).isEqualTo(Role.TRANSSHIPMENT);
    }

    @Test
    void withoutDeclaredPortsTheFirstAndLastNodesByTimeAreTheEnds() {
        DeliveryRoute route = builder.build(plan(), null, null, hours(0));

        assertThat(route.stops()).extracting(Stop::role).containsExactly(Role.LOADING, Role.TRANSSHIPMENT, Role.DISCHARGE);
        assertThat(route.eta().unLocode()).isEqualTo("MYPKG");
    }

    @Test
    void noEventsAndNoPortsIsAnEmptyRoute() {
        DeliveryRoute route = builder.build(List.of(), null, null, T0);

        assertThat(route.stops()).isEmpty();
        assertThat(route.legs()).isEmpty();
        assertThat(route.position().kind()).isEqualTo(PositionKind.NOT_STARTED);
        assertThat(route.eta()).isNull();
    }

    @Test
    void progressIsClampedWhenTheCargoIsOverdue() {
        List<LogisticsEvent> events = new ArrayList<>(plan());
        events.add(transport("a1", "ACT", "DEPA", "CNYSA", 1, 1));

        assertThat(build(events, 500).position().progress()).isEqualTo(1.0);
        assertThat(build(events, 1).position().progress()).isEqualTo(0.0);
    }
}

package dev.heapbound.benchmarks.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GraphTest {

  @Test
  void recordReport_hasPayloadTagsAndMetadata() {
    ReportRecord report = (ReportRecord) Graph.RECORD_REPORT.create();

    assertThat(report.payload()).hasSize(1 << 20);
    assertThat(report.tags()).hasSize(3);
    assertThat(report.metadata()).hasSize(3);
    assertThat(report.id()).isEqualTo("report-0042");
  }

  @Test
  void classReport_matchesRecordFields() {
    ReportRecord record = (ReportRecord) Graph.RECORD_REPORT.create();
    ReportClass plain = (ReportClass) Graph.CLASS_REPORT.create();

    assertThat(plain.id).isEqualTo(record.id());
    assertThat(plain.studyId).isEqualTo(record.studyId());
    assertThat(plain.generatedAt).isEqualTo(record.generatedAt());
    assertThat(plain.payload()).hasSameSizeAs(record.payload());
    assertThat(plain.tags).isEqualTo(record.tags());
    assertThat(plain.metadata).isEqualTo(record.metadata());
  }

  @Test
  @SuppressWarnings("unchecked") // the graph is built as a map of strings to arrays
  void hashMap_holdsThousandSmallArrays() {
    Map<String, byte[]> map = (Map<String, byte[]>) Graph.HASH_MAP.create();

    assertThat(map).hasSize(1_000);
    assertThat(map.values()).allSatisfy(value -> assertThat(value).hasSize(100));
  }

  @Test
  @SuppressWarnings("unchecked") // the graph is built as a list of records
  void arrayList_holdsTenThousandRecords() {
    List<Object> history = (List<Object>) Graph.ARRAY_LIST.create();

    assertThat(history).hasSize(10_000);
    assertThat(history).allSatisfy(entry -> assertThat(entry).isInstanceOf(MedicationRecord.class));
  }

  @Test
  @SuppressWarnings("unchecked") // the graph is built as a list of visits
  void flyweights_shareEveryField() {
    List<Visit> schedule = (List<Visit>) Graph.FLYWEIGHTS.create();

    assertThat(schedule).hasSize(1_000);
    for (Visit visit : schedule) {
      assertThat(visit.status()).isSameAs(Visit.VisitStatus.valueOf(visit.status().name()));
      assertThat(visit.arm()).isSameAs(Visit.Arm.valueOf(visit.arm().name()));
      assertThat(visit.window()).isSameAs(ChronoUnit.valueOf(visit.window().name()));
      assertThat(visit.week()).isSameAs(Integer.valueOf(visit.week()));
      assertThat(visit.remote()).isSameAs(Boolean.valueOf(visit.remote()));
      assertThat(visit.site()).isSameAs(visit.site().intern());
    }
  }

  @ParameterizedTest
  @EnumSource(Graph.class)
  void create_buildsNewGraphEachTime(Graph graph) {
    assertThat(graph.create()).isNotSameAs(graph.create());
  }
}

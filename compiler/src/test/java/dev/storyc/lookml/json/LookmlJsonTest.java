package dev.storyc.lookml.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.storyc.lookml.LookmlFiles;
import dev.storyc.lookml.syntax.LookmlParser;
import org.junit.jupiter.api.Test;

/** The JSON has the shape of Python's {@code json.dumps(lkml.load(text), indent=2)}. */
class LookmlJsonTest {

    @Test
    void viewWithPluralKeysNamesCodeAndFilters() {
        String lkml = """
                view: orders {
                  sql_table_name: analytics.orders ;;
                  dimension: id {
                    primary_key: yes
                    sql: ${TABLE}.id ;;
                  }
                  measure: count {
                    type: count
                    filters: [status: "-NULL"]
                  }
                }
                """;
        assertThat(json(lkml)).isEqualTo("""
                {
                  "views": [
                    {
                      "sql_table_name": "analytics.orders",
                      "dimensions": [
                        {
                          "primary_key": "yes",
                          "sql": "${TABLE}.id",
                          "name": "id"
                        }
                      ],
                      "measures": [
                        {
                          "type": "count",
                          "filters__all": [
                            [
                              {
                                "status": "-NULL"
                              }
                            ]
                          ],
                          "name": "count"
                        }
                      ],
                      "name": "orders"
                    }
                  ]
                }""");
    }

    @Test
    void modelWithIncludesExploresJoinsAndExtends() {
        String lkml = """
                connection: "warehouse"
                include: "/views/*.view.lkml"
                include: "/explores/*.explore.lkml"
                explore: orders {
                  extends: [base]
                  join: customers { sql_on: ${a} = ${b} ;; relationship: many_to_one }
                  query: top { dimensions: [a] }
                  always_filter: { filters: [a: "1", b: "2"] }
                }
                """;
        assertThat(json(lkml)).isEqualTo("""
                {
                  "connection": "warehouse",
                  "includes": [
                    "/views/*.view.lkml",
                    "/explores/*.explore.lkml"
                  ],
                  "explores": [
                    {
                      "extends__all": [
                        [
                          "base"
                        ]
                      ],
                      "joins": [
                        {
                          "sql_on": "${a} = ${b}",
                          "relationship": "many_to_one",
                          "name": "customers"
                        }
                      ],
                      "queries": [
                        {
                          "dimensions": [
                            "a"
                          ],
                          "name": "top"
                        }
                      ],
                      "always_filter": {
                        "filters__all": [
                          [
                            {
                              "a": "1"
                            },
                            {
                              "b": "2"
                            }
                          ]
                        ]
                      },
                      "name": "orders"
                    }
                  ]
                }""");
    }

    @Test
    void emptyThingsEscapesRefinementsAndRepeatedKeys() {
        String lkml = "view: +a { derived_table: {} tags: [] label: \"x\" label: \"say \\\"hi\\\" é\tok\" }";
        assertThat(json(lkml)).isEqualTo("""
                {
                  "views": [
                    {
                      "derived_table": {},
                      "tags": [],
                      "label": "say \\\\\\"hi\\\\\\" \\u00e9\\tok",
                      "name": "+a"
                    }
                  ]
                }""");
    }

    @Test
    void emptyFileIsAnEmptyObject() {
        assertThat(json("# nothing\n")).isEqualTo("{}");
    }

    @Test
    void dashboardsBecomeTheirYaml() {
        String yaml = "- dashboard: d\n  title: T\n  elements:\n  - name: e\n    fields: [a.b]\n";
        assertThat(LookmlFiles.toJson("d.dashboard.lookml", yaml)).isEqualTo("""
                [
                  {
                    "dashboard": "d",
                    "title": "T",
                    "elements": [
                      {
                        "name": "e",
                        "fields": [
                          "a.b"
                        ]
                      }
                    ]
                  }
                ]""");
    }

    private static String json(String lkml) {
        return LookmlJson.toJson(LookmlParser.parse("t.lkml", lkml));
    }
}

package dev.storyc.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.storyc.emit.ConnectionFile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A checkout of an output reaches the warehouse its warehouse/connection.toml names. */
class ConnectionFileTargetTest {
    static ConnectionFile file(List<String> notRepeatable) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("engine", "postgres");
        fields.put("host", "${env:WH_HOST:-db.internal}");
        fields.put("port", "${env:WH_PORT}");
        fields.put("database", "analytics_int");
        fields.put("user", "looker");
        fields.put("password", "${env:WH_PASSWORD}");
        return new ConnectionFile("integration", "main", fields, notRepeatable);
    }

    @Test
    void readsItsReferencesWhereTheJobRunsAndRoundTripsItsText() throws Exception {
        ConnectionFile written = file(List.of());
        assertThat(ConnectionFile.parse(written.toToml())).contains(written);

        WarehouseTarget target = WarehouseTarget.of(written, Map.of("WH_PORT", "5440", "WH_PASSWORD", "pw"),
                Optional.empty(), Timeouts.DEFAULT);

        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5440/analytics_int");
        assertThat(target.password()).isPresent();
        assertThat(target.registrySchema()).isEqualTo("storyc");
    }

    @Test
    void anUnsetVariableAndAFieldOnlyAWorkspaceCanBuildAreSaidSo() {
        assertThatThrownBy(() -> WarehouseTarget.of(file(List.of()), Map.of("WH_PORT", "5440"), Optional.empty(),
                        Timeouts.DEFAULT))
                .isInstanceOfSatisfying(DatabaseException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DatabaseException.Kind.PASSWORD_UNSET);
                    assertThat(e.getMessage()).contains("reads ${env:WH_PASSWORD} and WH_PASSWORD is not set");
                });
        assertThatThrownBy(() -> WarehouseTarget.of(file(List.of("host", "database")), Map.of(), Optional.empty(),
                        Timeouts.DEFAULT))
                .isInstanceOfSatisfying(DatabaseException.class, e -> assertThat(e.getMessage())
                        .contains("warehouse.host, warehouse.database are read from the process among other text"));
    }
}

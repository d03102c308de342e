package dev.storyc.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {
    @Test
    void numbersInNamesCompareByValue() {
        List<String> names = new ArrayList<>(List.of("v10", "v9", "2026-W49", "2026-W9", "1.10", "1.9", "v", "hotfix",
                "2027-W01"));
        Collections.shuffle(names, new java.util.Random(7));
        names.sort(NaturalOrder.INSTANCE);
        assertThat(names).containsExactly("1.9", "1.10", "2026-W9", "2026-W49", "2027-W01", "hotfix", "v", "v9", "v10");
    }

    @Test
    void namesEqualByValueStayDistinct() {
        TreeMap<String, Integer> map = new TreeMap<>(NaturalOrder.INSTANCE);
        map.put("v1", 1);
        map.put("v01", 2);
        assertThat(map).hasSize(2);
        assertThat(NaturalOrder.INSTANCE.compare("v01", "v1")).isEqualTo("v01".compareTo("v1"));
    }
}

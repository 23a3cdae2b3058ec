package io.verbatim.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One setting a PBX has set for itself, over the operator's default in {@link Setting}. */
@Entity
@Table(name = "pbx_setting")
class PbxSetting {

    @Embeddable
    static class Key implements Serializable {

        @Column(length = 100)
        private String pbx;

        @Column(length = 100)
        private String name;

        protected Key() {
        }

        Key(String pbx, String name) {
            this.pbx = pbx;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && pbx.equals(k.pbx) && name.equals(k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(pbx, name);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "setting_value", length = 1000)
    private String value;

    protected PbxSetting() {
    }

    PbxSetting(String pbx, String name, String value) {
        this.key = new Key(pbx, name);
        this.value = value;
    }

    String getValue() { return value; }
    void setValue(String value) { this.value = value; }
}

package io.verbatim.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One stored setting; absent rows mean "the default". */
@Entity
@Table(name = "setting")
public class Setting {

    @Id
    @Column(length = 100)
    private String name;

    @Column(name = "setting_value", length = 1000)
    private String value;

    protected Setting() {
    }

    public Setting(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public String getName() { return name; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
}

package io.verbatim.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One PBX served by this deployment: its name (the {@code {pbx}} of upload URLs) and its SIP domain. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 255)
    private String domain;

    protected Tenant() {
    }

    Tenant(String name) {
        this.name = name;
    }

    public String getName() { return name; }
    public String getDomain() { return domain; }

    void setDomain(String domain) { this.domain = domain; }
}

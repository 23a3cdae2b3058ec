package io.verbatim.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;
import java.util.regex.Pattern;

/** One PBX served by this deployment: its name (the {@code {pbx}} of upload URLs) and its SIP domain. */
@Entity
@Table(name = "tenant")
public class Tenant {

    /** What a PBX name may be, wherever one is given (an upload's path, a user, the PBX registry): no leading dot. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    /** Why a name is refused, in the words of {@link #NAME}. */
    public static final String NAME_RULE = "a PBX name has 1 to 100 letters, digits, '.', '_' or '-', and starts with a letter or digit";

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

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The registered PBX of that name, compared without case ({@code BARS.example.com} is {@code bars.example.com}). */
    static Optional<Tenant> registered(EntityManager em, String name) {
        return em.createQuery("select t from Tenant t where lower(t.name) = lower(:name) order by t.id", Tenant.class)
                .setParameter("name", name).setMaxResults(1).getResultStream().findFirst();
    }

    public String getName() { return name; }
    public String getDomain() { return domain; }

    void setDomain(String domain) { this.domain = domain; }
}

package io.verbatim.directory;

import io.verbatim.crypto.PasswordHash;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person who signs in: the PBX username (as in capture names), the tenant (PBX) they belong to, their numbers
 * and extensions, a password hash, a role and whether they hold a recorder licence.
 */
@Entity
@Table(name = "app_user")
public class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 255)
    private String username;

    /** The tenant; {@code null} for the deployment's operator, who belongs to none and administers all. */
    @Column(length = 100)
    private String pbx;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(nullable = false)
    private boolean active = true;

    @Column(length = 255)
    private String email;

    @Column(length = 64)
    private String timezone;

    @Embedded
    private LicenceAssignment licence = new LicenceAssignment();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_number", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "number", length = 64)
    private Set<String> numbers = new TreeSet<>();

    protected UserAccount() {
    }

    public UserAccount(String username, String pbx, String displayName, String passwordHash, Role role) {
        this.username = username;
        this.pbx = pbx;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPbx() { return pbx; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }
    public Role getRole() { return role; }
    public boolean isActive() { return active; }
    public String getEmail() { return email; }
    public String getTimezone() { return timezone; }
    public boolean isLicensed() { return licence.isGiven(); }
    public Set<String> getNumbers() { return new TreeSet<>(numbers); }


    /** Counts a failed sign-in; from the fifth in a row the account refuses sign-ins for a doubling while. */
    void setDisplayName(String displayName) { this.displayName = displayName; }
    void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    void setRole(Role role) { this.role = role; }
    void setActive(boolean active) { this.active = active; }
    void setEmail(String email) { this.email = email; }
    void setTimezone(String timezone) { this.timezone = timezone; }

    void setLicensed(boolean licensed) {
        licence.give(licensed);
    }

    void setNumbers(Set<String> numbers) {
        this.numbers.clear();
        this.numbers.addAll(numbers);
    }
}

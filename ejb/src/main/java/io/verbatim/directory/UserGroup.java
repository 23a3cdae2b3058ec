package io.verbatim.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** Users of one tenant taken together (a team, a department), with the supervisors who manage it. */
@Entity
@Table(name = "user_group")
public class UserGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 100)
    private String pbx;

    @Column(nullable = false, length = 255)
    private String name;

    @Column(length = 64)
    private String timezone;

    /** Gives every member a recorder licence (innovaphone's config template). */
    @Embedded
    private LicenceAssignment licence = new LicenceAssignment();

    @ManyToMany
    @JoinTable(name = "group_member", joinColumns = @JoinColumn(name = "group_id"), inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserAccount> members = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "group_manager", joinColumns = @JoinColumn(name = "group_id"), inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserAccount> managers = new HashSet<>();

    protected UserGroup() {
    }

    public UserGroup(String pbx, String name) {
        this.pbx = pbx;
        this.name = name;
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getName() { return name; }
    public String getTimezone() { return timezone; }
    public Set<UserAccount> getMembers() { return Set.copyOf(members); }
    public Set<UserAccount> getManagers() { return Set.copyOf(managers); }

    public boolean isLicensed() { return licence.isGiven(); }

    void setTimezone(String timezone) { this.timezone = timezone; }

    void setLicensed(boolean licensed) {
        licence.give(licensed);
    }

    void setMembers(Set<UserAccount> members) {
        this.members.clear();
        this.members.addAll(members);
    }

    void setManagers(Set<UserAccount> managers) {
        this.managers.clear();
        this.managers.addAll(managers);
    }
}

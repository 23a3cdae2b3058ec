package io.verbatim.access;

import io.verbatim.directory.UserAccount;
import io.verbatim.directory.UserGroup;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A view of the recordings service assigned to users and groups (innovaphone's "app object"): whose recordings its
 * users see besides their own (the access list: usernames or numbers), what deleting does, and whether a monitor
 * must be present and grant access first (4-eyes).
 */
@Entity
@Table(name = "app_object")
public class AppObject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(length = 100)
    private String pbx;

    @Column(nullable = false, length = 255)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "deletion_mode", nullable = false, length = 16)
    private DeletionMode deletionMode = DeletionMode.RECOVERABLE;

    @ManyToOne
    @JoinColumn(name = "monitor_id")
    private UserAccount monitor;

    @ManyToMany
    @JoinTable(name = "app_object_user", joinColumns = @JoinColumn(name = "app_object_id"), inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<UserAccount> users = new HashSet<>();

    @ManyToMany
    @JoinTable(name = "app_object_group", joinColumns = @JoinColumn(name = "app_object_id"), inverseJoinColumns = @JoinColumn(name = "group_id"))
    private Set<UserGroup> groups = new HashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_object_access", joinColumns = @JoinColumn(name = "app_object_id"))
    @Column(name = "entry", length = 255)
    private Set<String> accessList = new TreeSet<>();

    protected AppObject() {
    }

    AppObject(String pbx, String name) {
        this.pbx = pbx;
        this.name = name;
    }

    public Long getId() { return id; }
    public String getPbx() { return pbx; }
    public String getName() { return name; }
    public DeletionMode getDeletionMode() { return deletionMode; }
    public UserAccount getMonitor() { return monitor; }
    public Set<UserAccount> getUsers() { return Set.copyOf(users); }
    public Set<UserGroup> getGroups() { return Set.copyOf(groups); }
    public Set<String> getAccessList() { return new TreeSet<>(accessList); }

    void setDeletionMode(DeletionMode deletionMode) { this.deletionMode = deletionMode; }
    void setMonitor(UserAccount monitor) { this.monitor = monitor; }

    void setUsers(Set<UserAccount> users) {
        this.users.clear();
        this.users.addAll(users);
    }

    void setGroups(Set<UserGroup> groups) {
        this.groups.clear();
        this.groups.addAll(groups);
    }

    void setAccessList(Set<String> entries) {
        this.accessList.clear();
        this.accessList.addAll(entries);
    }
}

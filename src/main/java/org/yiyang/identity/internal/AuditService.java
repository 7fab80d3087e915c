package org.yiyang.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.yiyang.identity.PersonalDataAudit;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.ScopedPrincipal;

@Service
class AuditService implements PersonalDataAudit {

    private final JdbcClient jdbc;

    AuditService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String subjectKind, long subjectId, String action) {
        ScopedPrincipal p = CurrentUser.principal().orElse(null);
        String addr = null;
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            addr = request.getRemoteAddr();
        }
        jdbc.sql("""
                insert into personal_data_audit (user_id, username, subject_kind, subject_id, action, remote_addr)
                values (?, ?, ?, ?, ?, ?)""")
                .params(p == null ? null : p.userId(), p == null ? "anonymous" : p.username(),
                        subjectKind, subjectId, action, addr)
                .update();
    }
}

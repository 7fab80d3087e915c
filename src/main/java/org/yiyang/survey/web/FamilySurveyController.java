package org.yiyang.survey.web;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yiyang.elder.ElderRecord;
import org.yiyang.elder.ElderRegistry;
import org.yiyang.shared.CurrentUser;
import org.yiyang.shared.DataScope;
import org.yiyang.shared.InputRejectedException;
import org.yiyang.survey.ResponseChannel;
import org.yiyang.survey.Survey;
import org.yiyang.survey.SurveyResponse;
import org.yiyang.survey.SurveySummary;
import org.yiyang.survey.Surveys;

/**
 * The family's large-font survey pages under {@code /f/surveys} (in the family page's layout): the
 * questionnaires open to their elder, and one to answer on the elder's behalf — big text, big
 * choices, every question on one page with its number, errors in words next to the question.
 */
@Controller
@RequestMapping("/f/surveys")
class FamilySurveyController {

    private final Surveys surveys;
    private final ElderRegistry elders;
    private final MessageSource messages;
    private final String hotline;

    FamilySurveyController(Surveys surveys, ElderRegistry elders, MessageSource messages,
                           @Value("${yiyang.family.hotline:12345}") String hotline) {
        this.surveys = surveys;
        this.elders = elders;
        this.messages = messages;
        this.hotline = hotline;
    }

    /** Answered or not, per questionnaire. */
    record Open(SurveySummary survey, boolean answered) {
    }

    @GetMapping({"", "/"})
    String list(Model model) {
        ElderRecord elder = elder();
        List<Open> open = surveys.openFor(CurrentUser.scope(), elder.id()).stream()
                .map(s -> new Open(s, surveys.currentResponse(CurrentUser.scope(), s.id(), elder.id()).isPresent())).toList();
        model.addAttribute("elder", elder);
        model.addAttribute("open", open);
        model.addAttribute("hotline", hotline);
        return "survey/family-list";
    }

    @GetMapping("/{id:\\d{1,18}}")
    String form(@PathVariable long id, Model model) {
        ElderRecord elder = elder();
        Survey s = surveys.get(CurrentUser.scope(), id);
        SurveyResponse current = surveys.currentResponse(CurrentUser.scope(), id, elder.id()).orElse(null);
        return form(s, elder, current, AnswerForm.values(s, null, current), Map.of(), model);
    }

    private String form(Survey s, ElderRecord elder, SurveyResponse current, Map<Long, List<String>> values,
                        Map<Long, List<String>> errors, Model model) {
        model.addAttribute("s", s);
        model.addAttribute("elder", elder);
        model.addAttribute("current", current);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("errorCount", errors.values().stream().mapToInt(List::size).sum());
        model.addAttribute("hotline", hotline);
        return "survey/family-form";
    }

    @PostMapping("/{id:\\d{1,18}}")
    String answer(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        ElderRecord elder = elder();
        Survey s = surveys.get(CurrentUser.scope(), id);
        try {
            surveys.respond(CurrentUser.scope(), id, AnswerForm.toInput(s, elder.id(), params), ResponseChannel.FAMILY);
            redirect.addFlashAttribute("done", messages.getMessage("survey.family.thanks", null, LocaleContextHolder.getLocale()));
            return "redirect:/f/surveys";
        } catch (InputRejectedException e) {
            SurveyResponse current = surveys.currentResponse(CurrentUser.scope(), id, elder.id()).orElse(null);
            return form(s, elder, current, AnswerForm.values(s, params, null),
                    AnswerForm.errors(e.violations(), messages, LocaleContextHolder.getLocale()), model);
        }
    }

    private ElderRecord elder() {
        if (!(CurrentUser.scope() instanceof DataScope.Elder e)) {
            throw new AccessDeniedException("the family page is for family members");
        }
        return elders.find(CurrentUser.scope(), e.elderId());
    }
}

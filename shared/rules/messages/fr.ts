import type { UnmetCode } from '../unmet';

export const fr: Record<UnmetCode, string> = {
  'hearing.date_missing': "La date de l'audition manque. Indiquez le jour où l'audition a lieu.",
  'hearing.date_mismatch':
    "La date de l'audition ({{hearingDate}}) n'est pas le jour où elle commence ({{startDate}}, heure belge). Corrigez la date de l'audition.",
  'rules.not_in_force':
    "Les règles de cette application s'appliquent aux auditions à partir du {{validFrom}}. Vérifiez la date de l'audition ; pour une audition antérieure, demandez conseil à votre juriste.",
  'rules.rule_outside_validity':
    "La règle « {{rule}} » est établie pour des auditions d'une autre période que celle-ci (beaucoup de règles décrivent le droit de 2008–2009). Elle a été appliquée telle quelle : faites-la confirmer par votre juriste avant le scellement de l'audition.",

  'order.missing':
    "Aucun ordre d'enregistrement n'a été saisi. Une audition ne peut être filmée que sur ordre du procureur du Roi ou du juge d'instruction : indiquez qui a donné l'ordre, sa référence et sa date.",
  'order.incomplete':
    "L'ordre d'enregistrement est incomplet. Remplissez le champ signalé : qui a donné l'ordre, le nom du magistrat, la référence, la date, l'infraction, et si la personne est victime ou témoin.",
  'order.date_after_hearing':
    "L'ordre d'enregistrement est daté du {{orderDate}}, après l'audition ({{hearingDate}}). L'ordre doit exister avant l'audition : vérifiez sa date.",
  'order.decided_not_to_record':
    "Le magistrat a décidé que cette audition ne doit pas être filmée. N'enregistrez pas ; menez l'audition de la manière habituelle.",
  'order.decision_without_reasons':
    "La décision de ne pas filmer n'est pas motivée. Le magistrat doit donner ses motifs : indiquez-les tels qu'ils figurent dans la décision.",
  'order.offence_out_of_scope':
    "Pour cette infraction, l'audition filmée d'un majeur vulnérable n'est pas prévue. Vérifiez l'infraction avec le magistrat qui a donné l'ordre.",

  'person.missing':
    "La personne à entendre n'a pas été saisie. Indiquez son nom, sa date de naissance, sa langue et sa catégorie.",
  'person.incomplete':
    'Des informations sur la personne à entendre manquent. Remplissez le champ signalé.',
  'person.date_of_birth_missing':
    "La date de naissance manque. Indiquez la date de naissance ou, si elle n'est pas certaine, la date la plus ancienne et la date la plus récente possibles selon la détermination de l'âge.",
  'person.date_of_birth_range_inverted':
    "La date de naissance la plus ancienne possible est postérieure à la plus récente. Corrigez les deux dates de la détermination de l'âge.",
  'person.born_after_hearing':
    "La date de naissance est postérieure à la date de l'audition. Vérifiez la date de naissance et la date de l'audition.",
  'person.out_of_scope':
    "Le jour de l'audition, cette personne a {{majorityAge}} ans ou plus : ce n'est pas l'audition d'un mineur. Si la personne est un majeur vulnérable, choisissez la catégorie « majeur vulnérable » ; sinon, cette procédure ne s'applique pas.",
  'person.vulnerable_adults_out_of_scope':
    "Les règles utilisées ne prévoient pas d'audition filmée des majeurs vulnérables. Cette personne est majeure le jour de l'audition : cette procédure ne s'applique pas.",
  'person.category_should_be_minor':
    "Le jour de l'audition, cette personne a moins de {{majorityAge}} ans, ou peut-être moins : elle doit être entendue comme mineur. Choisissez la catégorie « mineur ».",
  'person.accompaniment_unknown':
    "La personne entendue est de nationalité étrangère : notez si elle est accompagnée en Belgique d'un parent ou d'un tuteur. Un mineur non accompagné doit avoir un tuteur.",
  'guardian.office_not_warned':
    "Ce mineur n'est pas accompagné, n'est pas ressortissant de l'EEE (ou sa nationalité n'est pas connue) et n'a pas encore de tuteur. Prévenez immédiatement le Service des Tutelles par téléphone et notez quand, par qui, et sa référence s'il en donne une. Une audition urgente peut avoir lieu, mais l'avertissement doit être noté avant le scellement de l'audition.",
  'guardian.incomplete':
    "Des informations sur le tuteur ou sur l'avertissement au Service des Tutelles manquent. Remplissez le champ signalé.",
  'guardian.eea_circular':
    "Ce mineur non accompagné est ressortissant de l'EEE : la loi sur la tutelle ne s'applique pas, mais un mineur en situation de vulnérabilité (notamment une victime de la traite) relève de la circulaire du 2 août 2007. Suivez cette circulaire et prévenez le magistrat.",
  'age_assessment.incomplete':
    "La détermination de l'âge n'est pas notée complètement. Remplissez le champ signalé : la méthode (et pour un examen médical, quelles radiographies), le jour et le résultat sous forme d'âge le plus bas et le plus élevé.",
  'age_assessment.range_inverted':
    "L'âge estimé le plus bas dépasse le plus élevé. Corrigez le résultat de la détermination de l'âge.",

  'consent.missing':
    "Le consentement à l'enregistrement n'a pas été noté. Un enfant de {{consentAge}} ans ou plus, et tout adulte, doit accepter d'être filmé : posez-lui la question, puis notez sa réponse, qui a posé la question, quand et dans quelle langue.",
  'consent.incomplete':
    "Le consentement n'est pas noté complètement. Remplissez le champ signalé : la réponse, qui a posé la question, quand, dans quelle langue, et les mots employés par la personne.",
  'consent.refused':
    "La personne entendue n'accepte pas d'être filmée. N'enregistrez pas et prévenez le magistrat.",
  'consent.withdrawn':
    "La personne entendue a retiré son consentement. Arrêtez l'enregistrement, ne le reprenez pas et prévenez le magistrat.",
  'consent.language_not_understood':
    "Le consentement a été demandé dans une langue ({{language}}) qui n'est pas notée comme comprise par la personne. Redemandez-le dans sa langue, au besoin par un interprète, ou notez les langues qu'elle comprend.",
  'consent.interpreter_not_named':
    "Le consentement a été demandé dans une autre langue que celle de l'audition, mais l'interprète n'est pas nommé. Notez par qui le consentement a été demandé.",
  'information.missing':
    "L'enfant a moins de {{consentAge}} ans : il ne décide pas, mais doit être informé que l'audition sera filmée. Informez l'enfant, puis notez qui l'a informé, quand et dans quelle langue.",
  'information.incomplete':
    "L'information de l'enfant n'est pas notée complètement. Remplissez le champ signalé : qui a informé l'enfant, quand et dans quelle langue.",
  'information.language_not_understood':
    "L'enfant a été informé dans une langue ({{language}}) qui n'est pas notée comme comprise par lui. Informez-le à nouveau dans sa langue, au besoin par un interprète, ou notez les langues qu'il comprend.",
  'information.interpreter_not_named':
    "L'enfant a été informé dans une autre langue que celle de l'audition, mais l'interprète n'est pas nommé. Notez par qui l'enfant a été informé.",

  'person_of_trust.undecided':
    "Il n'est pas noté si l'enfant souhaite une personne de confiance. Demandez à l'enfant quel adulte il veut à ses côtés, ou s'il ne veut personne, et notez sa réponse. Si le magistrat a refusé la première personne, l'enfant peut en choisir une autre, ou personne.",
  'person_of_trust.incomplete':
    'Des informations sur la personne de confiance manquent. Remplissez le champ signalé.',
  'person_of_trust.under_age':
    "La personne de confiance a {{age}} ans le jour de l'audition et doit avoir au moins {{minimumAge}} ans. Demandez à l'enfant de choisir un adulte, ou personne.",
  'person_of_trust.refusal_without_reasons':
    "Le refus par le magistrat de la personne choisie comme personne de confiance n'est pas motivé. Seule une décision motivée du magistrat peut écarter la personne que l'enfant a choisie : indiquez les motifs tels qu'ils figurent dans la décision.",
  'person_of_trust.refused_person_chosen':
    "L'enfant a choisi la personne que le magistrat a refusée. Demandez à l'enfant de choisir quelqu'un d'autre, ou personne.",

  'attendee.incomplete':
    'Des informations sur une personne présente manquent. Remplissez le champ signalé pour cette personne.',
  'attendee.interviewer_missing':
    "Aucun auditionneur n'est présent. L'audition doit être menée par un auditionneur formé : ajoutez-le aux personnes présentes.",
  'attendee.interviewer_training_missing':
    "{{name}} figure comme auditionneur sans référence de formation. Indiquez la référence de sa formation à l'audition des mineurs (par exemple le brevet TAM).",
  'attendee.technician_missing':
    "Aucun technicien n'est présent. Un membre du personnel technique doit assurer l'enregistrement depuis le local de régie : ajoutez-le aux personnes présentes.",
  'attendee.psychologist_missing':
    "Aucun psychologue ni psychiatre n'est présent. L'un des deux doit assister à l'audition : ajoutez-le aux personnes présentes.",
  'attendee.person_of_trust_missing':
    "L'enfant a choisi une personne de confiance, mais elle ne figure pas parmi les personnes présentes. Ajoutez-la, ou notez un nouveau choix de l'enfant.",
  'attendee.left_before_arrival':
    "Pour {{name}}, l'heure de départ est antérieure à l'heure d'arrivée. Corrigez les heures.",
  'attendee.interpreter_languages_missing':
    '{{name}} figure comme interprète sans les langues interprétées. Indiquez les langues.',
  'attendee.interpreter_sworn_reference_missing':
    "{{name}} figure comme interprète sans référence d'interprète juré. Indiquez la référence de la prestation de serment ou de l'inscription avant le scellement de l'audition.",
  'interpreter.missing':
    "La personne entendue parle {{language}}, qui n'est pas la langue de l'audition, et aucun interprète pour cette langue n'est présent. Ajoutez un interprète aux personnes présentes, avec les langues interprétées.",

  'room.not_confirmed':
    "Personne n'a confirmé la vérification du local. Vérifiez le local d'audition et le matériel, puis notez qui l'a fait et quand.",
  'room.not_child_friendly':
    "Le local d'audition n'est pas confirmé comme adapté aux enfants. Utilisez un local aménagé pour l'audition d'enfants, puis cochez la case.",
  'room.equipment_not_checked':
    "Le matériel d'enregistrement n'a pas été vérifié. Testez les caméras et les micros, puis cochez la case.",
  'follow_up.reception_centre_not_contacted':
    "Aucun centre d'accueil spécialisé n'a été contacté. Une victime de la traite doit être mise en contact avec un centre (Payoke, Sürya, Pag-Asa ; pour un enfant aussi Esperanto, Minor Ndako ou Juna) : notez lequel, quand et par qui.",
  'follow_up.reception_centre_unknown':
    "Le centre d'accueil noté ne figure pas dans la liste des règles. Choisissez le centre dans la liste.",
  'follow_up.centre_for_minors_only':
    "Le centre d'accueil noté n'accueille que des enfants, et cette personne est majeure. Contactez Payoke, Sürya ou Pag-Asa.",
  'follow_up.brochure_not_handed':
    "Il n'est pas noté que la brochure d'information pour les victimes de la traite a été remise. Remettez-la dans une langue que la personne comprend et notez la langue, quand et par qui.",
  'follow_up.reflection_period_not_noted':
    "La période de réflexion n'est pas notée. Notez le jour où elle commence : sa fin découle des règles (trois mois pour un enfant, 45 jours pour un majeur).",
  'follow_up.guardian_not_informed':
    "Il n'est pas noté que le tuteur a été informé du suivi. Informez le tuteur et notez quand et par qui.",
  'follow_up.incomplete':
    "Le suivi de protection n'est pas noté complètement. Remplissez le champ signalé.",
};

import type { UnmetCode } from '../unmet';

export const de: Record<UnmetCode, string> = {
  'hearing.date_missing':
    'Das Datum der Vernehmung fehlt. Tragen Sie den Tag ein, an dem die Vernehmung stattfindet.',
  'hearing.date_mismatch':
    'Das Datum der Vernehmung ({{hearingDate}}) ist nicht der Tag, an dem sie beginnt ({{startDate}}, belgische Zeit). Berichtigen Sie das Datum der Vernehmung.',
  'rules.not_in_force':
    'Die Regeln dieser Anwendung gelten für Vernehmungen ab dem {{validFrom}}. Prüfen Sie das Datum der Vernehmung; fragen Sie bei einer früheren Vernehmung Ihre Rechtsberatung.',
  'rules.rule_outside_validity':
    'Die Regel „{{rule}}“ ist für Vernehmungen eines anderen Zeitraums festgelegt (viele Regeln beschreiben das Recht von 2008–2009). Sie wurde so angewandt, wie sie lautet: Lassen Sie sie von Ihrer Rechtsberatung bestätigen, bevor die Vernehmung versiegelt wird.',

  'order.missing':
    'Es ist keine Anordnung der Aufzeichnung eingetragen. Eine Vernehmung darf nur auf Anordnung des Prokurators des Königs oder des Untersuchungsrichters gefilmt werden: Tragen Sie ein, wer sie angeordnet hat, ihre Referenz und ihr Datum.',
  'order.incomplete':
    'Die Anordnung der Aufzeichnung ist unvollständig. Füllen Sie das markierte Feld aus: wer sie angeordnet hat, den Namen des Magistrats, die Referenz der Anordnung, das Datum, die Straftat und ob die Person Opfer oder Zeuge ist.',
  'order.date_after_hearing':
    'Die Anordnung der Aufzeichnung ist auf den {{orderDate}} datiert, also nach der Vernehmung ({{hearingDate}}). Die Anordnung muss vor der Vernehmung vorliegen: Prüfen Sie ihr Datum.',
  'order.decided_not_to_record':
    'Der Magistrat hat entschieden, dass diese Vernehmung nicht gefilmt werden darf. Zeichnen Sie nicht auf; führen Sie die Vernehmung auf die übliche Weise durch.',
  'order.decision_without_reasons':
    'Die Entscheidung, nicht zu filmen, ist nicht begründet. Der Magistrat muss Gründe angeben: Tragen Sie sie so ein, wie sie in der Entscheidung stehen.',
  'order.offence_out_of_scope':
    'Für diese Straftat ist eine gefilmte Vernehmung eines schutzbedürftigen Erwachsenen nicht vorgesehen. Klären Sie die Straftat mit dem Magistrat, der die Anordnung erteilt hat.',

  'person.missing':
    'Die zu vernehmende Person ist nicht eingetragen. Tragen Sie Namen, Geburtsdatum, Sprache und Kategorie ein.',
  'person.incomplete':
    'Angaben zur zu vernehmenden Person fehlen. Füllen Sie das markierte Feld aus.',
  'person.date_of_birth_missing':
    'Das Geburtsdatum fehlt. Tragen Sie das Geburtsdatum ein oder, wenn es nicht sicher ist, das früheste und das späteste mögliche Datum aus der Altersbestimmung.',
  'person.date_of_birth_range_inverted':
    'Das früheste mögliche Geburtsdatum liegt nach dem spätesten. Berichtigen Sie die beiden Daten aus der Altersbestimmung.',
  'person.born_after_hearing':
    'Das Geburtsdatum liegt nach dem Datum der Vernehmung. Prüfen Sie das Geburtsdatum und das Datum der Vernehmung.',
  'person.out_of_scope':
    'Am Tag der Vernehmung ist diese Person {{majorityAge}} Jahre oder älter: Dies ist keine Vernehmung eines Minderjährigen. Ist die Person ein schutzbedürftiger Erwachsener, wählen Sie die Kategorie „schutzbedürftiger Erwachsener“; sonst gilt dieses Verfahren nicht.',
  'person.vulnerable_adults_out_of_scope':
    'Die verwendeten Regeln sehen keine gefilmte Vernehmung schutzbedürftiger Erwachsener vor. Diese Person ist am Tag der Vernehmung volljährig: Dieses Verfahren gilt nicht.',
  'person.category_should_be_minor':
    'Am Tag der Vernehmung ist diese Person jünger als {{majorityAge}} Jahre oder möglicherweise jünger: Sie muss als minderjährige Person vernommen werden. Wählen Sie die Kategorie „minderjährig“.',
  'person.accompaniment_unknown':
    'Die vernommene Person ist ausländischer Staatsangehörigkeit: Vermerken Sie, ob sie in Belgien von einem Elternteil oder Vormund begleitet wird. Ein unbegleiteter Minderjähriger braucht einen Vormund.',
  'guardian.office_not_warned':
    'Diese minderjährige Person ist unbegleitet, ist kein Staatsangehöriger des EWR (oder die Staatsangehörigkeit ist unbekannt) und hat noch keinen Vormund. Benachrichtigen Sie sofort telefonisch den Vormundschaftsdienst und vermerken Sie, wann, durch wen und seine Referenz, falls er eine angibt. Eine dringende Vernehmung darf stattfinden, aber die Benachrichtigung muss vor der Versiegelung vermerkt sein.',
  'guardian.incomplete':
    'Angaben zum Vormund oder zur Benachrichtigung des Vormundschaftsdienstes fehlen. Füllen Sie das markierte Feld aus.',
  'guardian.eea_circular':
    'Diese unbegleitete minderjährige Person ist Staatsangehöriger des EWR: Das Vormundschaftsgesetz gilt nicht, aber ein Minderjähriger in einer schutzbedürftigen Lage (unter anderem ein Opfer von Menschenhandel) fällt unter das Rundschreiben vom 2. August 2007. Folgen Sie diesem Rundschreiben und benachrichtigen Sie den Magistrat.',
  'age_assessment.incomplete':
    'Die Altersbestimmung ist nicht vollständig vermerkt. Füllen Sie das markierte Feld aus: die Methode (bei einer ärztlichen Untersuchung, welche Röntgenaufnahmen), den Tag und das Ergebnis als niedrigstes und höchstes Alter.',
  'age_assessment.range_inverted':
    'Das niedrigste geschätzte Alter liegt über dem höchsten. Berichtigen Sie das Ergebnis der Altersbestimmung.',

  'consent.missing':
    'Die Einwilligung in die Aufzeichnung ist nicht vermerkt. Ein Kind ab {{consentAge}} Jahren und jeder Erwachsene muss einwilligen, gefilmt zu werden: Fragen Sie die Person und vermerken Sie die Antwort, wer gefragt hat, wann und in welcher Sprache.',
  'consent.incomplete':
    'Die Einwilligung ist nicht vollständig vermerkt. Füllen Sie das markierte Feld aus: die Antwort, wer gefragt hat, wann, in welcher Sprache und die Worte der Person.',
  'consent.refused':
    'Die vernommene Person will nicht gefilmt werden. Zeichnen Sie nicht auf und benachrichtigen Sie den Magistrat.',
  'consent.withdrawn':
    'Die vernommene Person hat ihre Einwilligung zurückgezogen. Beenden Sie die Aufzeichnung, starten Sie sie nicht wieder und benachrichtigen Sie den Magistrat.',
  'consent.language_not_understood':
    'Die Einwilligung wurde in einer Sprache ({{language}}) eingeholt, die nicht als von der Person verstanden vermerkt ist. Fragen Sie erneut in der Sprache der Person, nötigenfalls über einen Dolmetscher, oder vermerken Sie die Sprachen, die die Person versteht.',
  'consent.interpreter_not_named':
    'Die Einwilligung wurde in einer anderen Sprache als der der Vernehmung eingeholt, aber der Dolmetscher ist nicht genannt. Vermerken Sie, über wen die Einwilligung eingeholt wurde.',
  'information.missing':
    'Das Kind ist jünger als {{consentAge}} Jahre: Es entscheidet nicht selbst, muss aber erfahren, dass die Vernehmung gefilmt wird. Sagen Sie es dem Kind und vermerken Sie, wer es ihm gesagt hat, wann und in welcher Sprache.',
  'information.incomplete':
    'Es ist nicht vollständig vermerkt, dass das Kind informiert wurde. Füllen Sie das markierte Feld aus: wer das Kind informiert hat, wann und in welcher Sprache.',
  'information.language_not_understood':
    'Das Kind wurde in einer Sprache ({{language}}) informiert, die nicht als vom Kind verstanden vermerkt ist. Informieren Sie das Kind erneut in seiner Sprache, nötigenfalls über einen Dolmetscher, oder vermerken Sie die Sprachen, die das Kind versteht.',
  'information.interpreter_not_named':
    'Das Kind wurde in einer anderen Sprache als der der Vernehmung informiert, aber der Dolmetscher ist nicht genannt. Vermerken Sie, über wen das Kind informiert wurde.',

  'person_of_trust.undecided':
    'Es ist nicht vermerkt, ob das Kind eine Vertrauensperson möchte. Fragen Sie das Kind, welchen Erwachsenen es bei sich haben möchte oder ob es niemanden möchte, und vermerken Sie die Antwort. Hat der Magistrat die erste Person abgelehnt, darf das Kind jemand anderen oder niemanden wählen.',
  'person_of_trust.incomplete':
    'Angaben zur Vertrauensperson fehlen. Füllen Sie das markierte Feld aus.',
  'person_of_trust.under_age':
    'Die Vertrauensperson ist am Tag der Vernehmung {{age}} Jahre alt und muss mindestens {{minimumAge}} sein. Bitten Sie das Kind, einen Erwachsenen oder niemanden zu wählen.',
  'person_of_trust.refusal_without_reasons':
    'Die Ablehnung der gewählten Person durch den Magistrat ist nicht begründet. Nur eine begründete Entscheidung des Magistrats kann die Person ablehnen, die das Kind als Vertrauensperson gewählt hat: Tragen Sie die Gründe so ein, wie sie in der Entscheidung stehen.',
  'person_of_trust.refused_person_chosen':
    'Das Kind hat dieselbe Person gewählt, die der Magistrat abgelehnt hat. Bitten Sie das Kind, jemand anderen oder niemanden zu wählen.',

  'attendee.incomplete':
    'Angaben zu einer anwesenden Person fehlen. Füllen Sie das markierte Feld für diese Person aus.',
  'attendee.interviewer_missing':
    'Es ist kein Vernehmungsbeamter anwesend. Die Vernehmung muss von einem geschulten Vernehmungsbeamten geführt werden: Fügen Sie ihn den Anwesenden hinzu.',
  'attendee.interviewer_training_missing':
    '{{name}} ist als Vernehmungsbeamter eingetragen, aber ohne Angabe einer Ausbildung. Tragen Sie die Referenz der Ausbildung in der Vernehmung Minderjähriger ein (zum Beispiel das TAM-Brevet).',
  'attendee.technician_missing':
    'Es ist kein Techniker anwesend. Ein Mitglied des technischen Personals muss die Aufzeichnung im Regieraum betreuen: Fügen Sie es den Anwesenden hinzu.',
  'attendee.psychologist_missing':
    'Es ist weder ein Psychologe noch ein Psychiater anwesend. Einer von beiden muss der Vernehmung beiwohnen: Fügen Sie ihn den Anwesenden hinzu.',
  'attendee.person_of_trust_missing':
    'Das Kind hat eine Vertrauensperson gewählt, aber sie ist nicht unter den Anwesenden. Fügen Sie sie hinzu oder vermerken Sie eine neue Wahl des Kindes.',
  'attendee.left_before_arrival':
    'Bei {{name}} liegt die Uhrzeit des Gehens vor der Uhrzeit der Ankunft. Berichtigen Sie die Uhrzeiten.',
  'attendee.interpreter_languages_missing':
    '{{name}} ist als Dolmetscher eingetragen, aber ohne die gedolmetschten Sprachen. Tragen Sie die Sprachen ein.',
  'attendee.interpreter_sworn_reference_missing':
    '{{name}} ist als Dolmetscher eingetragen, aber ohne Referenz als vereidigter Dolmetscher. Tragen Sie die Referenz der Vereidigung oder der Eintragung ein, bevor die Vernehmung versiegelt wird.',
  'interpreter.missing':
    'Die vernommene Person spricht {{language}}, das nicht die Sprache der Vernehmung ist, und es ist kein Dolmetscher für diese Sprache anwesend. Fügen Sie einen Dolmetscher mit den gedolmetschten Sprachen den Anwesenden hinzu.',

  'room.not_confirmed':
    'Niemand hat die Prüfung des Raums bestätigt. Prüfen Sie den Vernehmungsraum und die Technik und vermerken Sie, wer das getan hat und wann.',
  'room.not_child_friendly':
    'Der Vernehmungsraum ist nicht als kindgerecht bestätigt. Nutzen Sie einen für die Vernehmung von Kindern eingerichteten Raum und setzen Sie dann das Häkchen.',
  'room.equipment_not_checked':
    'Die Aufnahmetechnik ist nicht geprüft. Testen Sie Kameras und Mikrofone und setzen Sie dann das Häkchen.',
  'follow_up.reception_centre_not_contacted':
    'Es wurde kein spezialisiertes Aufnahmezentrum kontaktiert. Ein Opfer von Menschenhandel muss mit einem Zentrum in Kontakt gebracht werden (Payoke, Sürya, Pag-Asa; für ein Kind auch Esperanto, Minor Ndako oder Juna): Vermerken Sie, welches, wann und durch wen.',
  'follow_up.reception_centre_unknown':
    'Das vermerkte Aufnahmezentrum steht nicht in der Liste der Regeln. Wählen Sie das Zentrum aus der Liste.',
  'follow_up.centre_for_minors_only':
    'Das vermerkte Aufnahmezentrum nimmt nur Kinder auf, und diese Person ist volljährig. Kontaktieren Sie Payoke, Sürya oder Pag-Asa.',
  'follow_up.brochure_not_handed':
    'Es ist nicht vermerkt, dass die Informationsbroschüre für Opfer von Menschenhandel übergeben wurde. Übergeben Sie sie in einer Sprache, die die Person versteht, und vermerken Sie die Sprache, wann und durch wen.',
  'follow_up.reflection_period_not_noted':
    'Die Bedenkzeit ist nicht vermerkt. Vermerken Sie den Tag, an dem sie beginnt: Ihr Ende ergibt sich aus den Regeln (drei Monate für ein Kind, 45 Tage für einen Erwachsenen).',
  'follow_up.guardian_not_informed':
    'Es ist nicht vermerkt, dass der Vormund über die Nachbetreuung informiert wurde. Informieren Sie den Vormund und vermerken Sie, wann und durch wen.',
  'follow_up.incomplete':
    'Die schützende Nachbetreuung ist nicht vollständig vermerkt. Füllen Sie das markierte Feld aus.',
};

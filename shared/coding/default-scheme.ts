import type { CodingScheme } from './scheme';

/**
 * The scheme offered for forensic interviews of children: the phases of a structured interview,
 * the interviewer's prompt types of the NICHD Investigative Interview Protocol, the child's
 * responses, and free notes. A psychologist who changes a label or a key bumps the minor version;
 * a changed category or definition bumps the major, since figures from two majors do not compare.
 *
 * Keys: digits for the phases (changed rarely), the initial letter for prompt types in English,
 * letters for responses; j, k, l and Space stay with the player.
 */
export const forensicInterviewScheme: CodingScheme = {
  id: 'forensic-interview-nichd',
  version: '1.1.0',
  validFrom: '2021-10-01',
  basis: [
    'Phases: the NICHD Investigative Interview Protocol (introduction, rapport building, training in episodic memory, transition to substantive issues, free-recall investigation, follow-up questions, break, closing), as taught in the Belgian TAM training for filmed hearings of minors.',
    'Prompt types and their definitions: Lamb, Orbach, Hershkowitz, Esplin & Horowitz (2007), "A structured forensic interview protocol improves the quality and informativeness of investigative interviews with children", Child Abuse & Neglect 31, 1201-1231; Orbach et al. (2000), Child Abuse & Neglect 24, 733-752.',
    'Child responses: a project choice from the informativeness measures of the same literature (new forensically relevant details versus repetitions and non-answers); to be confirmed by the psychologists who code with it.',
  ],
  tiers: [
    {
      id: 'phase',
      kind: 'interval',
      label: {
        en: 'Interview phase',
        nl: 'Fase van het verhoor',
        fr: 'Phase de l’audition',
        de: 'Phase der Vernehmung',
      },
      vocabulary: [
        {
          code: 'introduction',
          key: '1',
          label: { en: 'Introduction', nl: 'Inleiding', fr: 'Introduction', de: 'Einleitung' },
          description: {
            en: 'The interviewer introduces themselves, the room and the recording, and explains the ground rules (saying "I don\'t know", correcting the interviewer, telling the truth).',
            nl: 'De verhoorder stelt zich voor, legt het verhoorlokaal en de opname uit en geeft de basisregels (“ik weet het niet” mogen zeggen, de verhoorder verbeteren, de waarheid zeggen).',
            fr: 'L’auditionneur se présente, explique le local d’audition et l’enregistrement et donne les règles de base (pouvoir dire « je ne sais pas », corriger l’auditionneur, dire la vérité).',
            de: 'Der Vernehmungsbeamte stellt sich vor, erklärt den Vernehmungsraum und die Aufzeichnung und nennt die Grundregeln („Ich weiß es nicht“ sagen dürfen, den Vernehmungsbeamten berichtigen, die Wahrheit sagen).',
          },
        },
        {
          code: 'rapport',
          key: '2',
          label: {
            en: 'Rapport building',
            nl: 'Vertrouwensrelatie opbouwen',
            fr: 'Mise en confiance',
            de: 'Beziehungsaufbau',
          },
          description: {
            en: 'Conversation about neutral topics the child likes, with open prompts, so that the child gets used to talking at length.',
            nl: 'Gesprek over neutrale onderwerpen die het kind graag heeft, met open vragen, zodat het kind gewoon wordt uitgebreid te vertellen.',
            fr: 'Conversation sur des sujets neutres que l’enfant aime, par des questions ouvertes, pour qu’il s’habitue à raconter longuement.',
            de: 'Gespräch über neutrale Themen, die das Kind mag, mit offenen Fragen, damit es sich an ausführliches Erzählen gewöhnt.',
          },
        },
        {
          code: 'episodic_memory_training',
          key: '3',
          label: {
            en: 'Episodic memory training',
            nl: 'Oefening episodisch geheugen',
            fr: 'Entraînement de la mémoire épisodique',
            de: 'Training des episodischen Gedächtnisses',
          },
          description: {
            en: 'The child describes a recent neutral event in detail, practising the free recall the substantive phase asks for.',
            nl: 'Het kind vertelt in detail over een recente neutrale gebeurtenis en oefent zo het vrije verhaal dat later over de feiten gevraagd wordt.',
            fr: 'L’enfant raconte en détail un événement neutre récent et s’exerce ainsi au récit libre demandé ensuite sur les faits.',
            de: 'Das Kind schildert ein kürzliches neutrales Ereignis ausführlich und übt so den freien Bericht, der später zum Sachverhalt erbeten wird.',
          },
        },
        {
          code: 'transition',
          key: '4',
          label: {
            en: 'Transition to the facts',
            nl: 'Overgang naar de feiten',
            fr: 'Transition vers les faits',
            de: 'Übergang zum Sachverhalt',
          },
          description: {
            en: 'The interviewer opens the substantive part, as openly as possible ("Tell me why you came to talk to me today").',
            nl: 'De verhoorder leidt het verhoor over de feiten zo open mogelijk in (“Vertel me waarom je vandaag met mij komt praten”).',
            fr: 'L’auditionneur ouvre la partie sur les faits de la manière la plus ouverte possible (« Raconte-moi pourquoi tu es venu me parler aujourd’hui »).',
            de: 'Der Vernehmungsbeamte leitet möglichst offen zum Sachverhalt über („Erzähl mir, warum du heute mit mir sprechen kommst“).',
          },
        },
        {
          code: 'free_recall',
          key: '5',
          label: {
            en: 'Substantive free recall',
            nl: 'Vrij verhaal over de feiten',
            fr: 'Récit libre des faits',
            de: 'Freier Bericht zum Sachverhalt',
          },
          description: {
            en: 'The child tells what happened in their own words, prompted by invitations only.',
            nl: 'Het kind vertelt in eigen woorden wat er gebeurd is, enkel aangemoedigd met uitnodigingen.',
            fr: 'L’enfant raconte avec ses propres mots ce qui s’est passé, relancé uniquement par des invitations.',
            de: 'Das Kind erzählt mit eigenen Worten, was geschehen ist, nur durch Einladungen angeregt.',
          },
        },
        {
          code: 'follow_up',
          key: '6',
          label: {
            en: 'Follow-up questions',
            nl: 'Verdiepende vragen',
            fr: 'Questions d’approfondissement',
            de: 'Vertiefende Nachfragen',
          },
          description: {
            en: 'The interviewer clarifies and completes the account, first with cued invitations, then directive questions, option-posing questions only where needed.',
            nl: 'De verhoorder verduidelijkt en vervolledigt het verhaal, eerst met gerichte uitnodigingen, dan met directieve vragen, en keuzevragen alleen waar nodig.',
            fr: 'L’auditionneur clarifie et complète le récit, d’abord par des invitations indicées, puis par des questions directives, et par des questions à choix seulement si nécessaire.',
            de: 'Der Vernehmungsbeamte klärt und ergänzt den Bericht, zuerst mit gezielten Einladungen, dann mit W-Fragen, Auswahlfragen nur wo nötig.',
          },
        },
        {
          code: 'break',
          key: '7',
          label: { en: 'Break', nl: 'Pauze', fr: 'Pause', de: 'Pause' },
          description: {
            en: 'A break in the interview, for example to consult the control room.',
            nl: 'Een onderbreking van het verhoor, bijvoorbeeld om met de regiekamer te overleggen.',
            fr: 'Une interruption de l’audition, par exemple pour se concerter avec le local de régie.',
            de: 'Eine Unterbrechung der Vernehmung, etwa zur Rücksprache mit dem Regieraum.',
          },
        },
        {
          code: 'closing',
          key: '8',
          label: { en: 'Closing', nl: 'Afsluiting', fr: 'Clôture', de: 'Abschluss' },
          description: {
            en: 'The interviewer asks whether the child wants to add anything, thanks the child and returns to a neutral topic.',
            nl: 'De verhoorder vraagt of het kind nog iets wil toevoegen, bedankt het kind en sluit af met een neutraal onderwerp.',
            fr: 'L’auditionneur demande si l’enfant veut ajouter quelque chose, le remercie et termine sur un sujet neutre.',
            de: 'Der Vernehmungsbeamte fragt, ob das Kind noch etwas ergänzen möchte, dankt ihm und schließt mit einem neutralen Thema.',
          },
        },
      ],
    },
    {
      id: 'prompt',
      kind: 'interval',
      label: {
        en: 'Interviewer prompt',
        nl: 'Vraag van de verhoorder',
        fr: 'Question de l’auditionneur',
        de: 'Frage des Vernehmungsbeamten',
      },
      description: {
        en: 'Each utterance by which the interviewer asks the child for information, coded by the NICHD categories; the open prompts are invitations and cued invitations.',
        nl: 'Elke uiting waarmee de verhoorder het kind om informatie vraagt, gecodeerd volgens de NICHD-categorieën; open vragen zijn uitnodigingen en gerichte uitnodigingen.',
        fr: 'Chaque énoncé par lequel l’auditionneur demande une information à l’enfant, codé selon les catégories NICHD ; les questions ouvertes sont les invitations et les invitations indicées.',
        de: 'Jede Äußerung, mit der der Vernehmungsbeamte das Kind um Information bittet, nach den NICHD-Kategorien kodiert; offene Fragen sind Einladungen und gezielte Einladungen.',
      },
      vocabulary: [
        {
          code: 'invitation',
          key: 'i',
          label: { en: 'Invitation', nl: 'Uitnodiging', fr: 'Invitation', de: 'Einladung' },
          description: {
            en: 'An open prompt asking for free recall without naming details the child has not mentioned: "Tell me everything that happened", "And then what happened?".',
            nl: 'Een open vraag die om een vrij verhaal vraagt zonder details te noemen die het kind niet vermeld heeft: “Vertel me alles wat er gebeurd is”, “En wat gebeurde er toen?”.',
            fr: 'Une question ouverte qui demande un récit libre sans citer de détail que l’enfant n’a pas mentionné : « Raconte-moi tout ce qui s’est passé », « Et ensuite, que s’est-il passé ? ».',
            de: 'Eine offene Frage, die um freien Bericht bittet, ohne Details zu nennen, die das Kind nicht erwähnt hat: „Erzähl mir alles, was passiert ist“, „Und was ist dann passiert?“.',
          },
        },
        {
          code: 'cued_invitation',
          key: 'c',
          label: {
            en: 'Cued invitation',
            nl: 'Gerichte uitnodiging',
            fr: 'Invitation indicée',
            de: 'Gezielte Einladung',
          },
          description: {
            en: 'An invitation that refocuses on a detail the child mentioned and asks for free recall about it: "You said he came into the room. Tell me more about that".',
            nl: 'Een uitnodiging die teruggrijpt naar een detail dat het kind zelf vermeldde en daarover een vrij verhaal vraagt: “Je zei dat hij de kamer binnenkwam. Vertel daar meer over”.',
            fr: 'Une invitation qui reprend un détail mentionné par l’enfant et demande un récit libre à son sujet : « Tu as dit qu’il est entré dans la chambre. Raconte-moi plus à ce sujet ».',
            de: 'Eine Einladung, die an ein vom Kind erwähntes Detail anknüpft und dazu um freien Bericht bittet: „Du hast gesagt, dass er ins Zimmer kam. Erzähl mir mehr darüber“.',
          },
        },
        {
          code: 'directive',
          key: 'd',
          label: {
            en: 'Directive question',
            nl: 'Directieve vraag',
            fr: 'Question directive',
            de: 'Direktive Frage',
          },
          description: {
            en: 'A cued-recall "wh-" question about a detail the child already mentioned: "Where were you when that happened?", "What colour was the car?".',
            nl: 'Een w-vraag naar een detail dat het kind al vermeldde: “Waar was je toen dat gebeurde?”, “Welke kleur had de auto?”.',
            fr: 'Une question en « qu- » (où, quand, qui, quoi) sur un détail que l’enfant a déjà mentionné : « Où étais-tu quand c’est arrivé ? », « De quelle couleur était la voiture ? ».',
            de: 'Eine W-Frage zu einem Detail, das das Kind schon erwähnt hat: „Wo warst du, als das passiert ist?“, „Welche Farbe hatte das Auto?“.',
          },
        },
        {
          code: 'option_posing',
          key: 'o',
          label: {
            en: 'Option-posing question',
            nl: 'Keuzevraag',
            fr: 'Question à choix',
            de: 'Auswahlfrage',
          },
          description: {
            en: 'A question about a detail the child has not mentioned, asking the child to confirm, deny or choose, without implying an answer: "Did he touch you?", "Was it over or under your clothes?".',
            nl: 'Een vraag over een detail dat het kind niet vermeld heeft, waarbij het kind moet bevestigen, ontkennen of kiezen, zonder een antwoord op te dringen: “Heeft hij je aangeraakt?”, “Was het over of onder je kleren?”.',
            fr: 'Une question sur un détail que l’enfant n’a pas mentionné, qui lui demande de confirmer, de nier ou de choisir, sans suggérer de réponse : « Est-ce qu’il t’a touché ? », « C’était sur ou sous tes vêtements ? ».',
            de: 'Eine Frage zu einem Detail, das das Kind nicht erwähnt hat, die um Bestätigung, Verneinung oder Auswahl bittet, ohne eine Antwort nahezulegen: „Hat er dich berührt?“, „War es über oder unter der Kleidung?“.',
          },
        },
        {
          code: 'suggestive',
          key: 's',
          label: {
            en: 'Suggestive question',
            nl: 'Suggestieve vraag',
            fr: 'Question suggestive',
            de: 'Suggestivfrage',
          },
          description: {
            en: 'A question that communicates the answer expected or assumes details the child has not disclosed: "He hurt you, didn\'t he?", "Where did he touch you?" when no touching was mentioned.',
            nl: 'Een vraag die het verwachte antwoord meegeeft of details veronderstelt die het kind niet vertelde: “Hij heeft je pijn gedaan, hé?”, “Waar raakte hij je aan?” als er geen aanraking vermeld werd.',
            fr: 'Une question qui communique la réponse attendue ou présuppose des détails que l’enfant n’a pas révélés : « Il t’a fait mal, n’est-ce pas ? », « Où est-ce qu’il t’a touché ? » alors qu’aucun contact n’a été mentionné.',
            de: 'Eine Frage, die die erwartete Antwort vermittelt oder Details voraussetzt, die das Kind nicht berichtet hat: „Er hat dir wehgetan, nicht wahr?“, „Wo hat er dich angefasst?“, obwohl keine Berührung erwähnt wurde.',
          },
        },
      ],
    },
    {
      id: 'response',
      kind: 'interval',
      label: {
        en: 'Child’s response',
        nl: 'Antwoord van het kind',
        fr: 'Réponse de l’enfant',
        de: 'Antwort des Kindes',
      },
      vocabulary: [
        {
          code: 'new_details',
          key: 'n',
          label: {
            en: 'New details',
            nl: 'Nieuwe details',
            fr: 'Nouveaux détails',
            de: 'Neue Details',
          },
          description: {
            en: 'The child gives at least one forensically relevant detail not mentioned before.',
            nl: 'Het kind geeft minstens één relevant detail dat nog niet vermeld werd.',
            fr: 'L’enfant donne au moins un détail pertinent qui n’avait pas encore été mentionné.',
            de: 'Das Kind nennt mindestens ein relevantes Detail, das noch nicht erwähnt wurde.',
          },
        },
        {
          code: 'repeated_details',
          key: 'r',
          label: {
            en: 'Repeats known details',
            nl: 'Herhaalt gekende details',
            fr: 'Répète des détails déjà donnés',
            de: 'Wiederholt bekannte Details',
          },
        },
        {
          code: 'yes_no',
          key: 'y',
          label: {
            en: 'Yes or no only',
            nl: 'Enkel ja of nee',
            fr: 'Seulement oui ou non',
            de: 'Nur ja oder nein',
          },
        },
        {
          code: 'dont_know',
          key: 'u',
          label: { en: 'Don’t know', nl: 'Weet het niet', fr: 'Je ne sais pas', de: 'Weiß nicht' },
        },
        {
          code: 'dont_remember',
          key: 'm',
          label: {
            en: 'Doesn’t remember',
            nl: 'Herinnert het zich niet',
            fr: 'Ne s’en souvient pas',
            de: 'Erinnert sich nicht',
          },
        },
        {
          code: 'no_answer',
          key: 'x',
          label: {
            en: 'No answer',
            nl: 'Geen antwoord',
            fr: 'Pas de réponse',
            de: 'Keine Antwort',
          },
        },
        {
          code: 'refuses',
          key: 'w',
          label: {
            en: 'Does not want to say',
            nl: 'Wil het niet zeggen',
            fr: 'Ne veut pas le dire',
            de: 'Will es nicht sagen',
          },
        },
      ],
    },
    {
      id: 'notes',
      kind: 'point',
      label: { en: 'Notes', nl: 'Notities', fr: 'Notes', de: 'Notizen' },
      vocabulary: null,
    },
  ],
  figures: {
    phaseTierId: 'phase',
    promptTierId: 'prompt',
    responseTierId: 'response',
    openPromptCodes: ['invitation', 'cued_invitation'],
    substantivePhaseCodes: ['transition', 'free_recall', 'follow_up'],
    basis:
      'Open prompts are invitations, cued invitations included: Lamb et al. (2007), Child Abuse & Neglect 31, 1201-1231, count cued invitations among invitations (open-ended recall prompts) and report the share of invitations among all interviewer prompts (invitations, directive, option-posing and suggestive) as the measure of interview quality.',
  },
};

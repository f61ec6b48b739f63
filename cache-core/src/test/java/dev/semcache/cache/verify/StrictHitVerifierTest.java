package dev.semcache.cache.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.semcache.cache.HitVerifier;
import dev.semcache.cache.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rule on sentences written for this test (none is taken from the evaluation data): what it must reject, and
 * paraphrases it must let through.
 */
final class StrictHitVerifierTest {
    private static final HitVerifier VERIFIER = HitVerifiers.strict();

    private static Verdict verify(String query, String candidate) {
        return VERIFIER.verify(query, candidate, 0.95);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Convert 25 miles to kilometers.                    | Convert 40 miles to kilometers.
            What was the inflation rate in 2008?              | What was the inflation rate in 2009?
            Write a 500-word essay on climate change.          | Write a 1000-word essay on climate change.
            Give me five ideas for a birthday party.           | Give me twelve ideas for a birthday party.
            Explain recursion in one sentence.                 | Explain recursion in detail.
            How much is 3 million yen in dollars?              | How much is 3 thousand yen in dollars?
            """)
    void verify_numberChanges_rejectsWithNumber(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("number"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Factor 2x^2 + 7x + 3                       | Factor 2x^2 - 7x + 3
            Is 17 * 3 = 51?                            | Is 17 / 3 = 51?
            Simplify (a + b) ^ 2                       | Simplify (a - b) ^ 2
            """)
    void verify_sameNumbersOtherOperators_rejectsWithNumber(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("number"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Factor 2x^2 + 7x + 3                       | Please factor 2x^2 + 7x + 3 for me
            What is 45 / 9?                            | What is 45 divided by 9?
            """)
    void verify_sameOperatorsOrOperatorInWords_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How many calories are in three eggs?   | How many calories are in 3 eggs?
            Give me ten tips for better sleep.     | Give me 10 tips for better sleep.
            What is 1,000 times 12?                | What is 1000 times twelve?
            How can one learn to juggle?           | How do I learn to juggle?
            """)
    void verify_sameNumbersWrittenDifferently_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How much is 100 dollars in euros?  | How much is 100 pounds in euros?
            How heavy is 5 kg in pounds?       | How heavy is 5 kg in ounces?
            """)
    void verify_unitOrCurrencySwapped_rejectsWithUnit(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("unit"));
    }

    @Test
    void verify_currencySymbolAndWord_accepts() {
        assertThat(verify("How much is $100 in euros?", "How much is 100 dollars in euros?")
                        .accepted())
                .isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Translate this sentence from German to Italian.           | Translate this sentence from Italian to German.
            Is Tokyo bigger than Paris?                               | Is Paris bigger than Tokyo?
            How do I migrate a database from MySQL to PostgreSQL?     | How do I migrate a database from PostgreSQL to MySQL?
            What is the flight time from New York to Los Angeles?     | What is the flight time from Los Angeles to New York?
            Convert 20 Celsius to Fahrenheit.                         | Convert 20 Fahrenheit to Celsius.
            """)
    void verify_itemsSwapAroundAnAsymmetricWord_rejectsWithDirection(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("direction"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Who trained Rocky?                                 | Who did Rocky train?
            Which team beat Spain in the final?                | Which team did Spain beat in the final?
            Is a whale a fish?                                 | Is a fish a whale?
            Is dog food safe for cats?                         | Is cat food safe for dogs?
            My brother owes me fifty dollars.                  | I owe my brother fifty dollars.
            Can type O blood be given to type A patients?      | Can type A blood be given to type O patients?
            Who defeated Napoleon at Waterloo?                 | Who did Napoleon defeat at Waterloo?
            Move my photos from my laptop to Dropbox           | Move my photos from Dropbox to my laptop
            A letter from a tenant thanking the landlord       | A letter from the landlord praising a tenant
            """)
    void verify_doerAndDoneToSwapped_rejectsWithDirection(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("direction"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Who wrote Frankenstein?                         | Who was Frankenstein written by?
            Why am I blocked from posting on the forum?     | Why does the forum block me from posting?
            """)
    void verify_sameDoerInPassiveOrOtherWords_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is the difference between a virus and a bacterium? | What is the difference between a bacterium and a virus?
            Compare salt and pepper.                                | Compare pepper and salt.
            """)
    void verify_itemsSwapAcrossAndOrBetween_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Is it safe to drink coffee while pregnant?   | Is it not safe to drink coffee while pregnant?
            Which plants can grow in shade?              | Which plants can't grow in shade?
            Make a pasta sauce with garlic.              | Make a pasta sauce without garlic.
            """)
    void verify_oneSideNegated_rejectsWithNegation(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("negation"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I enable two-factor authentication on my phone?  | How do I disable two-factor authentication on my phone?
            What are the advantages of remote work?                 | What are the disadvantages of remote work?
            Should I stretch before running?                        | Should I stretch after running?
            How do I increase my credit score?                      | How do I decrease my credit score?
            Is a gas stove better than an induction hob?            | Is a gas stove worse than an induction hob?
            How do I zoom in on a PDF?                              | How do I zoom out on a PDF?
            """)
    void verify_oppositeWords_rejectsWithPolarity(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("polarity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Who wrote Pride and Prejudice?       | Who wrote Wuthering Heights?
            What is the capital of Austria?      | What is the capital of Australia?
            How do I sort a list in Rust?        | How do I sort a list in Kotlin?
            How do I install Docker on Fedora?   | How do I install Docker on Debian?
            What does error E42 mean on my washer? | What does error E43 mean on my washer?
            """)
    void verify_differentNamedThing_rejectsWithEntity(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("entity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Explain quantum computing in Spanish.     | Explain quantum computing in German.
            Reply in Portuguese: how are you today?   | Reply in Dutch: how are you today?
            """)
    void verify_differentLanguageAsked_rejectsWithLanguage(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("language"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Write a limerick about a cat.            | Write a ballad about a cat.
            Write an essay about the ocean.          | Write a story about the ocean.
            """)
    void verify_differentWrittenForm_rejectsWithFormat(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("format"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Write a casual email to my landlord.              | Write a stern email to my landlord.
            What are the symptoms of measles?                 | What are the symptoms of mumps?
            How can I lose weight?                            | How can I gain weight?
            Which foods should I eat when I have a cold?      | Which foods should I avoid when I have a cold?
            """)
    void verify_oneSlotReplacedInSameSentence_rejects(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I cook rice?         | How do I cook rice in a pressure cooker?
            What is Kafka?              | What is Kafka consumer group rebalancing?
            How do I bake bread?        | How do I bake gluten-free rye bread?
            List singers whose songs win.     | List singers whose folk ballad songs win.
            """)
    void verify_narrowerQuestion_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How did the printing press change Europe?  | Why did the printing press change Europe?
            When was the Eiffel Tower built?           | How was the Eiffel Tower built?
            """)
    void verify_differentKindOfQuestion_rejectsWithQuestion(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("question"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I boil an egg?                      | What's the best way to boil an egg?
            What is the boiling point of water?        | At what temperature does water boil?
            Recommend some books about stoicism.       | Can you suggest a few books on stoicism?
            Why do cats purr?                          | What makes cats purr?
            How do I center a div in CSS?              | How can I center a div with CSS?
            What is the speed of light?                | How fast does light travel?
            Tell me a joke about programmers.          | tell me a joke about programmers
            WHAT IS THE CAPITAL OF PERU                | What is the capital of Peru?
            How do I combine two lists in Python?      | How can I merge two Python lists?
            Who painted The Starry Night?              | Who is the painter of The Starry Night?
            Explain photosynthesis in simple terms.    | Describe photosynthesis in simple words.
            What is the capital of France?             | Which city is the capital of France?
            What is the tallest peak in Africa?        | Which mountain is the tallest peak in Africa?
            """)
    void verify_paraphrase_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I keep my dog from barking at night?   | How can I get my dog to stop barking at night?
            pls explain what a hash map is                | Could you explain what a hash map is?
            hey, how do I center a div                    | How do I center a div?
            Explain why leaves change color in autumn.    | Why do leaves change color in autumn?
            My phone won't charge, why?                   | Why won't my phone charge?
            How many grams are in an ounce?               | how many grams in 1 oz
            What is a good database for logs?             | What is a good data base for logs?
            How do I update Chrome?                       | How do I update Google Chrome?
            whats a closure in JavaScript                 | What is a closure in JavaScript?
            """)
    void verify_paraphraseInChatShapes_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Explain how vaccines work.                   | Explain why vaccines work.
            Can you tell me why bread goes stale?        | Can you tell me how bread goes stale?
            """)
    void verify_askedQuestionAfterARequestDiffers_rejectsWithQuestion(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("question"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Can I return an unopened box?               | Can I return an opened box?
            How do I unlock my phone?                   | How do I lock my phone?
            """)
    void verify_unPrefixNegatesOneSide_rejectsWithNegation(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("negation"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I renew my driving licence?                            | How do I renew my driving licence in Canada?
            How long does it take to get a replacement passport by mail?  | How long does it take to get a replacement passport by mail in Ireland?
            """)
    void verify_namedSettingAddedOnOneSide_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @Test
    void verify_nameAddedAfterAName_rejectsWithEntity() {
        assertThat(verify("Who makes Universal remotes?", "Who makes Universal Electronics remotes?"))
                .isEqualTo(Verdict.reject("entity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How long is the Yellow River compared to the Amazon?   | How long is the Pearl River compared to the Amazon?
            Is the Black Sea saltier than the Baltic?              | Is the Red Sea saltier than the Baltic?
            """)
    void verify_rivalNamesBeforeTheSameName_rejectsWithEntity(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("entity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I insert a pivot table in MS Excel?   | How do I insert a pivot table in Microsoft Excel?
            What is the weather like in São Paulo in March? | What is the weather like in Sao Paulo in March?
            How far is Malmö from Copenhagen?              | How far is Malmo from Copenhagen?
            """)
    void verify_acronymOrAccentsForTheSameName_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @Test
    void verify_sameReplacementRepeatedInOneSentence_rejectsWithSubstitution() {
        assertThat(verify(
                        "Asthma: which sports are safe for children with asthma?",
                        "Epilepsy: which sports are safe for children with epilepsy?"))
                .isEqualTo(Verdict.reject("substitution"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Why does she ignore me at work?        | Why do I ignore her at work?
            What if they can't understand us?      | What if we can't understand them?
            """)
    void verify_pronounsTradeDoerAndDoneTo_rejectsWithDirection(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("direction"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I recover deleted photos on Android?   | How do I delete photos on Android?
            Where can I download archived emails?          | Where can I archive emails?
            """)
    void verify_otherActOnWhatTheVerbLeaves_rejectsWithSubstitution(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("substitution"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I get started with woodworking?        | How do I start woodworking?
            Why does she ignore me?                        | Why is she ignoring me?
            """)
    void verify_sameActReworded_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What are the side effects of ibuprofen? How long do they last?    | What are the side effects of ibuprofen?
            How do I set up a Raspberry Pi?                                    | How do I set up a Raspberry Pi? Which power supply should I buy?
            Is sourdough healthier than white bread?                           | Is sourdough healthier than white bread? How do I bake it at home?
            """)
    void verify_wholeFurtherQuestionOnOneSide_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I reset my router? Thanks!              | How do I reset my router?
            Can I freeze cooked rice? Please help?         | Can I freeze cooked rice?
            My laptop is slow. How can I speed it up?      | How can I speed up my slow laptop?
            """)
    void verify_furtherSentenceAsksNothingNew_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Whose student was Plato?            | Who was Plato's student?
            Who is Zeus's father?               | Whose father is Zeus?
            """)
    void verify_whoseAgainstPossessive_rejectsWithDirection(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("direction"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Whose idea was the internet?        | Who had the idea for the internet?
            Whose dog is Snoopy?                | Who owns the dog Snoopy?
            """)
    void verify_whoseAskedTheSameWay_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is the difference between TCP, UDP and QUIC?              | What is the difference between TCP and QUIC?
            Compare Python, Go and Rust for web servers.                   | Compare Python and Rust for web servers.
            Should I learn piano, guitar or violin first?                  | Should I learn guitar or piano first?
            What are the pros and cons of renting an apartment?            | What are the pros of renting an apartment?
            What are the advantages and disadvantages of solar panels?     | What are the disadvantages of solar panels?
            """)
    void verify_listHoldsAnItemTheOtherLeavesOut_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Should I buy a house this year or not?               | Should I buy a house this year?
            Is coffee bad for your heart? Why or why not?        | Is coffee bad for your heart?
            How do I improve one's memory?                       | How do I improve my memory?
            What is one thing you would change about your job?   | What is the one thing you would change about your job?
            How can I learn to type quickly?                     | How can I learn to type fast?
            How do I cook rice quickly?                          | How do I cook rice fast?
            """)
    void verify_orNotOnesOrAWordDerivedFromASynonym_accepts(String query, String candidate) {
        // "or not" offers the other answer; "one's" and "one thing" count nothing; "quickly" comes from "quick".
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Is this mushroom edible or not poisonous?               | Is this mushroom edible or poisonous?              | negation
            What are three things you would change about your job?  | What is one thing you would change about your job?  | number
            How can I fall asleep quickly?                          | How can I fall asleep slowly?                       | polarity
            """)
    void verify_theSameWordsWhereTheyDoChangeTheMeaning_stillReject(String query, String candidate, String reason) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What's a synonym for "happy"?              | What's a synonym for "glad"?
            What does "big" mean?                      | What does "large" mean?
            """)
    void verify_quotedWordsAreMentionsNotSynonyms_rejects(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("substitution"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            My upper back hurts after running, why?    | My back hurts after running, why?
            What causes pain in the lower abdomen?     | What causes pain in the abdomen?
            How do I replace the front tire on a bike? | How do I replace the tire on a bike?
            """)
    void verify_positionWordNamesAPart_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How can I lower my cholesterol naturally?          | How can I reduce my cholesterol naturally?
            how to lower cholesterol without drugs             | how to reduce cholesterol without drugs
            tips for staying awake thru a night shift          | How do I stay awake through a night shift?
            ideas for getting thru a rainy weekend with kids   | How do I get through a rainy weekend with kids?
            Is "data" singular or plural?                      | Is the word "data" singular or plural?
            """)
    void verify_positionVerbChatSpellingOrSameQuotedWord_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Give me a schedule for training a puppy.   | Can you make me a puppy training schedule?
            Suggest a budget for renovating a kitchen. | Could you suggest a kitchen renovating budget?
            Give me a template for tracking expenses.  | Can you make me an expense tracking template?
            """)
    void verify_compoundNounForAPhraseWithFor_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Why do cats purr?                                   | how come cats purr?
            Why did the stock market crash in 1929?             | What led to the stock market crash of 1929?
            Why does my laptop fan get so loud?                 | my laptop fan gets really loud, why is that?
            When is the next leap year?                         | next leap year - when?
            What does a credit score of 700 mean?               | when my bank shows a credit score of 700, what does that mean?
            How do I count rows that are not blank in Google Sheets? | google sheets formula to count non-blank rows
            What is machine learning?                           | Can you explain the concept of machine learning?
            How do vaccines work?                               | Explain the process by which vaccines work
            What is a VPN and what does it hide?                | Could you explain what a VPN is and what data it hides?
            """)
    void verify_sameQuestionAskedAnotherWay_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is non-verbal communication?          | What is verbal communication?              | negation
            How do I kill all running processes?       | How do I kill all running programs?        | substitution
            What is the pricing concept?               | What is pricing?                           | scope
            """)
    void verify_nonAndTopicalProcessOrConcept_stillReject(String query, String candidate, String reason) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Can I use honey instead of sugar in granola?           | Can I substitute sugar for honey in granola?
            Can I use honey instead of sugar in granola?           | Can I replace honey with sugar in granola?
            Is yogurt a good substitute for sour cream in dips?    | Can I swap yogurt for sour cream in dips?
            Should our team switch from Jira to Trello?            | Should our team replace Trello with Jira?
            """)
    void verify_newAndOldThingTradeRolesAcrossFrames_rejectsWithDirection(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("direction"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Can I use honey instead of sugar in granola?           | Can I substitute honey for sugar in granola?
            Can I use honey instead of sugar in granola?           | Can I replace sugar with honey in granola?
            Is yogurt a good substitute for sour cream in dips?    | Can I swap sour cream for yogurt in dips?
            What can I use in place of butter in shortbread?       | What can I substitute for butter in shortbread?
            Should our team switch from Jira to Trello?            | Should our team replace Jira with Trello?
            """)
    void verify_newAndOldThingKeepTheirRolesAcrossFrames_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What are the stages of grief?              | What is the first stage of grief?
            Summarise the chapters of Moby-Dick.       | Summarise the last chapter of Moby-Dick.
            """)
    void verify_oneMemberOfASeriesAgainstTheSeries_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Who built the first steam engines?         | Who built the steam engine?
            How should I prepare for my first marathon? | How should I prepare for my marathon?
            """)
    void verify_firstWithoutASeriesOnTheOtherSide_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Why did the US sign a treaty with Mexico in 1848?     | Why did Mexico sign a treaty with the US in 1848?  | direction
            Filter rows where the price is greater than 50        | Filter rows where the price is less than 50        | polarity
            Explain the Great Lakes in simple words               | Explain the Finger Lakes in simple words           | entity
            Prove Gauss's Last Theorem step by step               | Prove Gauss's Big Theorem step by step             | entity
            """)
    void verify_acronymsComparativesAndNameWords_reject(String query, String candidate, String reason) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject(reason));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is the population of the US?              | What is the population of the USA?
            How big is the US navy?                        | How big is the United States navy?
            List numbers greater than 10 in column B       | List numbers more than 10 in column B
            Can you help us plan a trip to Spain?          | Could you help us plan a trip to Spain?
            """)
    void verify_sameCountryOrComparativeWrittenDifferently_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I improve my speed and endurance when swimming?         | What helps improve swimming endurance and strength?
            Is it cheaper to heat a house with gas or oil?                 | Is gas or electricity cheaper for heating my house?
            """)
    void verify_listSwapsOneItemForAnother_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @Test
    void verify_placeAndRegionBeforeACommaAreNoList_accepts() {
        // "the census bureau, the town" is not a list of two items, so "town" / "city" is no swapped item.
        assertThat(verify(
                        "According to the census bureau, the town has about 4,000 inhabitants.",
                        "According to the census bureau, the city has a population of about 4,000."))
                .isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How common is color blindness?                 | What is the most common form of color blindness?
            How fast is a cheetah?                         | What is the fastest land animal?
            How expensive is living in Zurich?             | What is the most expensive city to live in?
            """)
    void verify_degreeAgainstTheExtreme_rejectsWithQuestion(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("question"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How tall is the tallest building?              | What's the height of the tallest building?
            How often should I water a cactus?             | How frequently should I water a cactus?
            """)
    void verify_degreeOfTheSameThing_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            What is the difference between TCP and UDP?                    | What's the difference between UDP and TCP?
            Plan a trip to Rome, Florence and Venice.                      | Plan a trip to Venice, Rome and Florence.
            Give me healthy snacks like nuts, apples, or yogurt.           | Give me healthy snacks like nuts or yogurt.
            """)
    void verify_sameListOrOnlyExamples_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Flights to Lisbon in May                     | Flights from Lisbon in May
            Give me one reason to learn Rust.            | Give me a few reasons to learn Rust.
            """)
    void verify_placeDirectionOrCountStillDiffers_rejects(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            No, the export button does not exist in version 3.2.     | The export button is not available in v3.2.
            You can query the `users` table with `find_all()`.        | You can use `find_all()` to query the `users` table.
            The tool is used to skip the checks of the files.         | The tool can be employed to bypass the checks of the downloaded files.
            """)
    void verify_rewordedStatement_accepts(String query, String candidate) {
        assertThat(verify(query, candidate).accepted()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Which stretches make it easier to touch my toes?     | Which stretches make it harder to touch my toes?
            What should I say to a friend who lost a pet?        | What should I avoid saying to a friend who lost a pet?
            How do I get my cat to scratch the sofa?             | How do I stop my cat from scratching the sofa?
            How do I make my laptop start updates at night?      | How do I keep my laptop from starting updates at night?
            """)
    void verify_synonymOfAnAntonymOrAnActHeldBack_rejectsWithPolarity(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("polarity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I stop procrastinating?                       | How can I stop procrastination?
            How can I avoid snacking at work?                    | How can I avoid snacking while I am at work?
            Why can't I stop yawning?                            | Why is it that I can't stop yawning?
            My tomatoes keep splitting, how do I prevent that?   | How do I stop my tomatoes from splitting?
            How do I avoid getting lost in a new city?           | Any tips for avoiding getting lost in a new city?
            """)
    void verify_actHeldBackOnBothSidesOrByReference_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How can I keep my houseplants healthy and green?      | How can I keep my houseplants healthy and green in winter?
            How should I store leftover cooked rice safely?       | How should I store leftover cooked rice safely in the freezer?
            How do I remove old wallpaper from plaster walls?     | How do I remove old wallpaper from plaster walls with steam?
            How do I set up automatic backups for my photo library? | How do I set up automatic backups for my photo library using rsync?
            How do I turn off read receipts for my chats?         | How do I turn off read receipts for my chats on an iPhone?
            """)
    void verify_settingPhraseAddedAtTheEnd_rejectsWithScope(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("scope"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Which classic rock album is the most underrated? | Which classic rock album is the most underrated in your opinion?
            How do I take a screenshot on a Mac?          | How do I take a screenshot on macOS?
            What's the right way to hold chopsticks?      | How do I hold chopsticks?
            When baking bread, should I use warm water?   | Should I use warm water when baking bread?
            Why does my sourdough collapse?               | my sourdough keeps collapsing, why is that happening?
            """)
    void verify_genericSettingPlatformAliasOrQuestionShapes_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @Test
    void verify_disabledCheck_letsItsCasesThrough() {
        HitVerifier noNumbers =
                StrictHitVerifier.builder().disable(Check.NUMBER).build();

        Verdict verdict = noNumbers.verify("List 5 rivers in Peru.", "List 7 rivers in Peru.", 0.97);

        assertThat(verdict.accepted()).isTrue();
    }

    @Test
    void verify_emptyOrPunctuationOnly_doesNotThrow() {
        assertThat(verify("", "").accepted()).isTrue();
        assertThat(verify("???", "!!").accepted()).isTrue();
        assertThat(verify("\u00e7a va? \u4f60\u597d", "\u00e7a va? \u4f60\u597d")
                        .accepted())
                .isTrue();
    }

    @Test
    void builder_overlapOutOfRange_throwsIllegalArgument() {
        assertThatThrownBy(() -> StrictHitVerifier.builder().minTemplateOverlap(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minTemplateOverlap");
        assertThatThrownBy(() -> StrictHitVerifier.builder().minTemplateOverlap(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            How do I fix this error?                      | How can I fix this error?
            What does this symbol mean?                   | What is the meaning of this symbol?
            Who painted this picture?                     | Who is the painter of this picture?
            Can you translate this paragraph into German? | Translate this paragraph to German please
            Translate this paragraph into German:         | Translate this paragraph to German:
            """)
    void verify_pointsAtSomethingItDoesNotContain_rejectsWithReference(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("reference"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Translate this sentence into French: I love cheese.           | Please translate this sentence to French: I love cheese.
            I wrote a poem about autumn, can you improve this poem?       | I wrote an autumn poem, could you improve this poem?
            My sink drains slowly. How do I fix this problem?             | My sink is draining slowly. How can I fix this problem?
            Summarize this report in three bullet points for my manager. | Summarize this report for my manager in three bullet points.
            What should I cook this weekend?                              | What can I cook this weekend?
            Is this a good time to buy a house?                           | Is now a good time to buy a house?
            Why is this happening?                                        | Why does this happen?
            """)
    void verify_pointsAtWhatItContainsOrAtHereAndNow_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @Test
    void verify_referenceDisabled_acceptsWhatOnlyItWouldReject() {
        HitVerifier lenient =
                StrictHitVerifier.builder().disable(Check.REFERENCE).build();

        assertThat(lenient.verify("How do I fix this error?", "How can I fix this error?", 0.95))
                .isEqualTo(Verdict.accept());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Which book should I read first?               | Which book should I read next?
            What is the next step after installing Node?  | What is the first step after installing Node?
            """)
    void verify_firstAgainstNext_rejectsWithPolarity(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.reject("polarity"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Is it going to snow tomorrow in Denver?  | Will it snow tomorrow in Denver?
            Who is going to win the election?        | Who will win the election?
            Is eating fermentated cabbage healthy?   | Is fermented cabbage healthy to eat?
            """)
    void verify_goingToForWillOrMisspeltEnding_accepts(String query, String candidate) {
        assertThat(verify(query, candidate)).isEqualTo(Verdict.accept());
    }

    @Test
    void verify_misspeltEndingPairsItsWordSoTheOtherSlotCounts_rejectsWithSubstitution() {
        assertThat(verify("Is eating fermentated cabbage healthy?", "Is eating fermented cabbage safe?"))
                .isEqualTo(Verdict.reject("substitution"));
    }

    @Test
    void builder_scopeGrowthNotPositive_throwsIllegalArgument() {
        assertThatThrownBy(() -> StrictHitVerifier.builder().scopeGrowth(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scopeGrowth");
    }

    @Test
    void builder_settingRepeated_throwsIllegalState() {
        StrictHitVerifier.Builder b = StrictHitVerifier.builder().scopeGrowth(0.7);

        assertThatThrownBy(() -> b.scopeGrowth(0.8))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scopeGrowth");
        assertThatThrownBy(
                        () -> StrictHitVerifier.builder().disable(Check.SCOPE).enable(Check.SCOPE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCOPE");
    }

    @Test
    void toBuilder_variant_keepsOtherSettings() {
        StrictHitVerifier base = StrictHitVerifier.builder()
                .minTemplateOverlap(0.7)
                .disable(Check.QUESTION)
                .build();

        StrictHitVerifier variant = base.toBuilder().scopeGrowth(1.0).build();

        assertThat(variant.minTemplateOverlap()).isEqualTo(0.7);
        assertThat(variant.scopeGrowth()).isEqualTo(1.0);
        assertThat(variant.checks()).doesNotContain(Check.QUESTION).contains(Check.SCOPE);
    }

    @Test
    void strict_isSharedAndAlsoReachableFromTheInterface() {
        assertThat(HitVerifier.strict()).isSameAs(HitVerifiers.strict());
    }
}

// Compiled against the client generated from /v3/api-docs (GeneratedTypeScriptClientTest): the names a
// TypeScript program uses to register a practice and read it back.
import {
    Configuration,
    PracticesApi,
    PracticeView,
    RegisterPracticeRequestAuthorizedSchedulesEnum,
    WriteReceipt,
} from './index';

export async function registerAndRead(basePath: string, adminKey: string): Promise<PracticeView> {
    const practices = new PracticesApi(new Configuration({ basePath, accessToken: async () => adminKey }));
    const receipt: WriteReceipt = await practices.practiceRegister({
        idempotencyKey: 'register-springfield',
        registerPracticeRequest: {
            practiceId: 'springfield',
            name: 'Springfield Ketamine Clinic',
            address: { line1: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701' },
            deaNumber: 'FS1234563',
            deaRegistrationExpiresOn: new Date('2028-06-30'),
            authorizedSchedules: [RegisterPracticeRequestAuthorizedSchedulesEnum.Iii],
            timeZone: 'America/Chicago',
        },
    });
    void receipt;
    return practices.practiceGet({ practiceId: 'springfield' });
}
